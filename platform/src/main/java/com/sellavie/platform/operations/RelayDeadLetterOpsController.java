package com.sellavie.platform.operations;

import com.sellavie.platform.relay.RelayDeadLetters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of this service's relay dead letters: outbox events Kafka refused for good (too
 * large for the topic, topic missing, ACL), listed without their payloads, and put back into the outbox
 * once the cause is fixed. A record refused again simply comes back to the list.
 */
@RestController
@RequestMapping("/ops/relay-dead-letters")
class RelayDeadLetterOpsController {

    private static final Logger log = LoggerFactory.getLogger(RelayDeadLetterOpsController.class);

    private final RelayDeadLetters deadLetters;
    private final String service;

    RelayDeadLetterOpsController(RelayDeadLetters deadLetters, String service) {
        this.deadLetters = deadLetters;
        this.service = service;
    }

    record Listing(String service, int total, List<RelayDeadLetters.Entry> deadLetters) {
    }

    record Replayed(String service, int replayed, int stayed) {
    }

    @GetMapping
    Listing list() {
        List<RelayDeadLetters.Entry> entries = deadLetters.list();
        return new Listing(service, entries.size(), entries);
    }

    @PostMapping("/{id}/replay")
    Replayed replay(@PathVariable long id) {
        log.info("Operator replays relay dead letter {}", id);
        deadLetters.replay(id);
        return new Replayed(service, 1, deadLetters.list().size());
    }

    @PostMapping("/replay")
    Replayed replayAll() {
        log.info("Operator replays every relay dead letter");
        int replayed = deadLetters.replayAll();
        return new Replayed(service, replayed, deadLetters.list().size());
    }

    @ExceptionHandler(RelayDeadLetters.NoSuchDeadLetterException.class)
    ProblemDetail notFound(RelayDeadLetters.NoSuchDeadLetterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()
                + ": GET /ops/relay-dead-letters lists them.");
    }

    /** It exists but lacks what an outbox row needs: it stays, and the operator learns why. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail notReplayable(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
