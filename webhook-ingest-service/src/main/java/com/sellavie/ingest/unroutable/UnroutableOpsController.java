package com.sellavie.ingest.unroutable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of kept unroutable DMs, behind the platform's operator token ({@code /ops/**}):
 * identifiers and age only, never a message's text; and their replay.
 */
@RestController
@RequestMapping("/ops/unroutable")
class UnroutableOpsController {

    static final int MAX_LIMIT = 1000;

    private final UnroutableMessages messages;
    private final UnroutableReplay replay;
    private final UnroutableProperties properties;
    private final Clock clock = Clock.systemUTC();

    UnroutableOpsController(UnroutableMessages messages, UnroutableReplay replay, UnroutableProperties properties) {
        this.messages = messages;
        this.replay = replay;
        this.properties = properties;
    }

    record Kept(UUID id, String channelType, String recipientId, String displayPhoneNumber, String accountId,
            Instant receivedAt, Duration age) {
    }

    record Listing(long total, Duration retention, List<Kept> messages) {
    }

    record Replayed(int replayed, int stillUnroutable) {
    }

    @GetMapping
    Listing list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw problem(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        Instant now = clock.instant();
        return new Listing(messages.count(), properties.retention(), messages.list(limit).stream()
                .map(m -> new Kept(m.id(), m.channelType(), m.recipientId(), m.displayPhoneNumber(), m.accountId(),
                        m.receivedAt(), Duration.between(m.receivedAt(), now)))
                .toList());
    }

    /** Every kept message that has a route now, or only {@code id}. */
    @PostMapping("/replay")
    Replayed replay(@RequestParam(required = false) String id) {
        if (id == null || id.isBlank()) {
            UnroutableReplay.Outcome outcome = replay.replayAll();
            return new Replayed(outcome.replayed(), outcome.stillUnroutable());
        }
        UUID messageId;
        try {
            messageId = UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw problem(HttpStatus.BAD_REQUEST, "id must be the UUID of a kept message (see GET /ops/unroutable).");
        }
        UnroutableReplay.Outcome outcome = replay.replayOne(messageId).orElseThrow(() -> messages.exists(messageId)
                ? problem(HttpStatus.CONFLICT, "That message is being replayed right now; list again.")
                : problem(HttpStatus.NOT_FOUND, "No kept unroutable message has that id (replayed or expired?)."));
        return new Replayed(outcome.replayed(), outcome.stillUnroutable());
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
