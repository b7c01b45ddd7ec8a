package com.sellavie.platform.operations;

import com.sellavie.platform.kafka.DeadLetterReplayer;
import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of this service's dead letters: the dead-letter topics of the topics its
 * listeners consume, each one's records (never their payloads), and their replay. Only topics this
 * service consumes are answered, so the endpoint cannot be used to read any other topic.
 */
@RestController
@RequestMapping("/ops/dead-letters")
class DeadLetterOpsController {

    static final int MAX_LIMIT = 1000;
    private static final Logger log = LoggerFactory.getLogger(DeadLetterOpsController.class);

    private final DeadLetterReplayer replayer;
    private final ConsumedTopics consumed;
    private final String service;

    DeadLetterOpsController(DeadLetterReplayer replayer, ConsumedTopics consumed, String service) {
        this.replayer = replayer;
        this.consumed = consumed;
        this.service = service;
    }

    /** One consumed topic's dead letters in numbers. */
    record TopicDeadLetters(String topic, String deadLetterTopic, Set<String> consumerGroups, long records,
            long pending) {
    }

    record Overview(String service, List<TopicDeadLetters> deadLetterTopics) {
    }

    record Listing(String service, String topic, String deadLetterTopic, long records, long pending,
            List<DeadLetterReplayer.DeadLetter> deadLetters) {
    }

    record Replayed(String service, String topic, String deadLetterTopic, Instant since, int replayed, int skipped) {
    }

    @GetMapping
    Overview overview() {
        return new Overview(service, consumed.byTopic().entrySet().stream().map(entry -> {
            DeadLetterReplayer.Summary summary = replayer.summary(deadLetterTopic(entry.getKey()));
            return new TopicDeadLetters(entry.getKey(), summary.deadLetterTopic(), entry.getValue(),
                    summary.records(), summary.pending());
        }).toList());
    }

    @GetMapping("/{topic}")
    Listing list(@PathVariable String topic, @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "100") int limit) {
        String consumedTopic = consumedTopic(topic);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw problem(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        String deadLetterTopic = deadLetterTopic(consumedTopic);
        DeadLetterReplayer.Summary summary = replayer.summary(deadLetterTopic);
        return new Listing(service, consumedTopic, deadLetterTopic, summary.records(), summary.pending(),
                replayer.list(deadLetterTopic, instant(since), limit));
    }

    @PostMapping("/{topic}/replay")
    Replayed replay(@PathVariable String topic, @RequestParam(required = false) String since) {
        String consumedTopic = consumedTopic(topic);
        Instant from = instant(since);
        String deadLetterTopic = deadLetterTopic(consumedTopic);
        log.info("Operator replays {}{}", deadLetterTopic, from == null ? "" : " since " + from);
        DeadLetterReplayer.Replay replay = replayer.replay(deadLetterTopic, from);
        return new Replayed(service, consumedTopic, deadLetterTopic, from, replay.replayed(), replay.skipped());
    }

    /** Kafka unreachable or refusing: the operator learns it plainly instead of a bare 500. */
    @ExceptionHandler({KafkaException.class, IllegalStateException.class})
    ProblemDetail kafkaFailed(RuntimeException e) {
        log.warn("Operator request on dead letters failed: {}: {}", e.getClass().getSimpleName(), e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not complete the request: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        problem.setTitle("Kafka unavailable");
        return problem;
    }

    /** {@code topic} or {@code topic.dlt}, when this service consumes {@code topic}. */
    private String consumedTopic(String topic) {
        String named = topic.endsWith(".dlt") ? topic.substring(0, topic.length() - ".dlt".length()) : topic;
        Map<String, Set<String>> topics = consumed.byTopic();
        if (!topics.containsKey(named)) {
            throw problem(HttpStatus.NOT_FOUND, "This service (" + service + ") does not consume that topic; it"
                    + " consumes " + topics.keySet() + ".");
        }
        return named;
    }

    private static String deadLetterTopic(String topic) {
        return Topics.named(topic).map(Topic::deadLetterTopic).orElse(topic + ".dlt");
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw problem(HttpStatus.BAD_REQUEST, "since must be an ISO-8601 instant such as 2026-11-30T03:00:00Z.");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
