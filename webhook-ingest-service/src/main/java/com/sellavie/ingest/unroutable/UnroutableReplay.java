package com.sellavie.ingest.unroutable;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays kept unroutable DMs through the normal path: each one routed with the routes known now,
 * published as InboundMessageReceived through the outbox and deleted, in one transaction, oldest
 * first. Same Meta message id as the original, so conversation-service's deduplication on it holds.
 * Counted as {@code sellavie.ingest.unroutable.replayed{trigger}}; never logs a message's content.
 */
@Service
public class UnroutableReplay {

    /** At most this many kept messages per operator replay (the rest on the next call). */
    static final int MAX_PER_REPLAY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(UnroutableReplay.class);

    private final UnroutableMessages messages;
    private final KeptMessagePublisher publisher;
    private final MeterRegistry meters;

    UnroutableReplay(UnroutableMessages messages, KeptMessagePublisher publisher, MeterRegistry meters) {
        this.messages = messages;
        this.publisher = publisher;
        this.meters = meters;
    }

    /** What a replay did: messages published, and messages whose channel is still unknown (still kept). */
    public record Outcome(int replayed, int stillUnroutable) {
    }

    /**
     * Replays what a channel that just connected can route, inside the transaction that saved its
     * route (the route, the replayed events and the deletions commit together) but under a savepoint:
     * if the replay fails, only it is rolled back and the caller can still save the route, leaving the
     * messages kept for an operator's replay.
     */
    @Transactional(propagation = Propagation.NESTED)
    public Outcome replayForChannel(String channelType, String externalId, String displayPhoneNumber,
            String accountId) {
        Outcome outcome = replay(messages.lockForChannel(channelType, externalId, displayPhoneNumber, accountId),
                "channel_connected");
        if (outcome.replayed() > 0 || outcome.stillUnroutable() > 0) {
            log.info("Channel {} {} connected: replayed {} kept unroutable messages ({} still unroutable)",
                    channelType, externalId, outcome.replayed(), outcome.stillUnroutable());
        }
        return outcome;
    }

    /** The operator's replay: every kept message that has a route now. */
    @Transactional
    public Outcome replayAll() {
        Outcome outcome = replay(messages.lockAll(MAX_PER_REPLAY), "operator");
        log.info("Operator replay of kept unroutable messages: {} replayed, {} still unroutable", outcome.replayed(),
                outcome.stillUnroutable());
        return outcome;
    }

    /** The operator's replay of one kept message; empty when no such message is kept (or another replay holds it). */
    @Transactional
    public Optional<Outcome> replayOne(UUID id) {
        Optional<KeptMessage> message = messages.lockOne(id);
        message.ifPresent(m -> log.info("Operator replay of kept unroutable message {}", id));
        return message.map(m -> replay(List.of(m), "operator"));
    }

    private Outcome replay(List<KeptMessage> kept, String trigger) {
        int replayed = 0;
        int stillUnroutable = 0;
        for (KeptMessage message : kept) {
            boolean published;
            try {
                published = publisher.publishIfRoutable(message);
            } catch (UnreadableKeptMessageException e) {
                // A row no parser can read again must not block the others; retention removes it.
                log.warn("Kept unroutable message {} ({}) cannot be read back: {}", message.id(),
                        message.channelType(), e.getMessage());
                meters.counter("sellavie.ingest.unroutable.replay_failures", "trigger", trigger).increment();
                stillUnroutable++;
                continue;
            }
            if (published) {
                messages.delete(message.id());
                replayed++;
            } else {
                stillUnroutable++;
            }
        }
        if (replayed > 0) {
            meters.counter("sellavie.ingest.unroutable.replayed", "trigger", trigger).increment(replayed);
        }
        return new Outcome(replayed, stillUnroutable);
    }
}
