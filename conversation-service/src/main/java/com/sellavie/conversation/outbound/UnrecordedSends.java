package com.sellavie.conversation.outbound;

import com.sellavie.platform.tenancy.Tenancy;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends Meta accepted whose SENT record failed (database trouble): Meta's message id is kept here and
 * the record retried by the scheduler with backoff, never the send. If this process dies first, the
 * message's lease runs out and it becomes UNKNOWN (the truth as far as anyone can tell).
 */
@Component
class UnrecordedSends {

    private static final Logger log = LoggerFactory.getLogger(UnrecordedSends.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final ConcurrentLinkedQueue<Unrecorded> waiting = new ConcurrentLinkedQueue<>();
    private final OutboundRecorder recorder;
    private final Tenancy tenancy;
    private final SendMetrics metrics;

    UnrecordedSends(OutboundRecorder recorder, Tenancy tenancy, SendMetrics metrics) {
        this.recorder = recorder;
        this.tenancy = tenancy;
        this.metrics = metrics;
    }

    /** Records SENT now, or keeps Meta's id to try again; true when recorded now. */
    boolean recordOrKeep(ClaimedSend send, String externalMessageId, int attempts) {
        Unrecorded accepted = new Unrecorded(send, externalMessageId, attempts);
        if (tryRecord(accepted)) {
            return true;
        }
        waiting.add(accepted);
        return false;
    }

    /** Retries the records that are due; called by the scheduler's poller. */
    void retryDue() {
        Instant now = Instant.now();
        for (Iterator<Unrecorded> it = waiting.iterator(); it.hasNext(); ) {
            Unrecorded accepted = it.next();
            if (!accepted.nextTry.isAfter(now) && tryRecord(accepted)) {
                it.remove();
            }
        }
    }

    /** A stopping scheduler's last try; what still fails is logged at ERROR (it will become UNKNOWN). */
    void lastTry() {
        for (Unrecorded accepted : waiting) {
            if (!tryRecord(accepted)) {
                log.error("Message {} (conversation {}, business {}) was accepted by Meta as {} but could not be "
                                + "recorded SENT before shutdown; it will show as UNKNOWN once its lease expires",
                        accepted.send.messageId(), accepted.send.conversation().id(), accepted.send.businessId(),
                        accepted.externalMessageId);
            }
        }
        waiting.clear();
    }

    int size() {
        return waiting.size();
    }

    private boolean tryRecord(Unrecorded accepted) {
        ClaimedSend send = accepted.send;
        try {
            boolean recorded = tenancy.callAs(send.businessId(),
                    () -> recorder.recordSent(send, accepted.externalMessageId, accepted.attempts));
            if (recorded) {
                metrics.outcome(SendMetrics.SENT);
                // A send that needed retries, or whose record did, is worth a line; the usual first-time success
                // is counted, traced and on the conversation, so it logs at DEBUG (one line per DM costs CPU at load).
                if (accepted.attempts > 1 || accepted.failures > 0) {
                    log.info("Message {} sent (attempt {}, Meta id {}{})", send.messageId(), accepted.attempts,
                            accepted.externalMessageId, accepted.failures > 0 ? ", recorded after "
                                    + accepted.failures + " failed record(s)" : "");
                } else {
                    log.debug("Message {} sent (attempt 1, Meta id {})", send.messageId(), accepted.externalMessageId);
                }
            }
            return true;
        } catch (RuntimeException e) {
            accepted.failures++;
            accepted.nextTry = Instant.now().plus(backoff(accepted.failures));
            metrics.outcome(SendMetrics.UNRECORDED);
            log.warn("Message {} (conversation {}, business {}) accepted by Meta as {} but recording SENT failed "
                            + "({}: {}), record attempt {}; retrying the record, never the send",
                    send.messageId(), send.conversation().id(), send.businessId(), accepted.externalMessageId,
                    e.getClass().getName(), e.getMessage(), accepted.failures);
            return false;
        }
    }

    private static Duration backoff(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 10));
        return wait.compareTo(MAX_RETRY) <= 0 ? wait : MAX_RETRY;
    }

    private static final class Unrecorded {
        private final ClaimedSend send;
        private final String externalMessageId;
        private final int attempts;
        private int failures;
        private Instant nextTry = Instant.now();

        private Unrecorded(ClaimedSend send, String externalMessageId, int attempts) {
            this.send = send;
            this.externalMessageId = externalMessageId;
            this.attempts = attempts;
        }
    }
}
