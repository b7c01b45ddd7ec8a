package com.sellavie.conversation.outbound;

import com.sellavie.conversation.messaging.Message;
import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@value #METER}{outcome=sent|failed|unknown}: how long a customer waited for the assistant, from the time of
 * the message an AI reply answers (the conversation's latest customer message recorded before the reply, at
 * Meta's timestamp) to the Send API call's outcome (Meta's answer, or its absence). A histogram with SLO buckets, so p50/p99 and "answered
 * within 5 s" come from Prometheus across instances. Only assistant replies: SYSTEM texts and team replies
 * answer no DM.
 */
@Component
class ReplyLatency {

    static final String METER = "sellavie.conversation.reply.latency";
    private static final Logger log = LoggerFactory.getLogger(ReplyLatency.class);
    private static final Duration[] SLOS = {Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)};
    /**
     * When the customer wrote what the message {@code s.message_id} answers, as a scalar subquery. Message
     * ids are time-ordered (UUIDv7): the customer messages recorded before the reply sort before it. The
     * newest of them by {@code messages_inbound_recent_idx}, not the max over all of them: a send reads a row
     * or two however long the conversation is.
     */
    static final String ANSWERED_AT = "SELECT (SELECT i.sent_at FROM messages i WHERE i.conversation_id = o.conversation_id "
            + "AND i.direction = 'INBOUND' AND i.id < o.id ORDER BY i.sent_at DESC LIMIT 1) "
            + "FROM messages o WHERE o.id = s.message_id";

    private final JdbcTemplate jdbc;
    private final Tenancy tenancy;
    private final Timer sent;
    private final Timer failed;
    private final Timer unknown;

    ReplyLatency(JdbcTemplate jdbc, Tenancy tenancy, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.sent = timer(registry, SendMetrics.SENT);
        this.failed = timer(registry, SendMetrics.FAILED);
        this.unknown = timer(registry, SendMetrics.UNKNOWN);
    }

    /**
     * When the customer wrote the message an assistant reply answers (fixed once the reply is recorded);
     * null for other messages or when there is none. The send's preparation reads it with its other facts
     * ({@link SendFacts}); this is for a failure, which has no preparation.
     */
    private Instant answeredMessageAt(ClaimedSend send) {
        if (!measured(send)) {
            return null;
        }
        Timestamp answered = jdbc.queryForObject("SELECT (" + ANSWERED_AT + ") "
                + "FROM (VALUES (?::uuid)) AS s (message_id)", Timestamp.class, send.messageId());
        return answered == null ? null : answered.toInstant();
    }

    /** Whether the send is one this latency is about: an assistant's reply. */
    static boolean measured(ClaimedSend send) {
        return Message.ASSISTANT.equals(send.authorType());
    }

    void sent(Instant answeredMessageAt, Instant outcomeAt) {
        record(sent, answeredMessageAt, outcomeAt);
    }

    void unknown(Instant answeredMessageAt, Instant outcomeAt) {
        record(unknown, answeredMessageAt, outcomeAt);
    }

    /** Never fails the send path: a latency that cannot be read is only not recorded. */
    void failed(ClaimedSend send, Instant outcomeAt) {
        try {
            record(failed, tenancy.callAs(send.businessId(), () -> answeredMessageAt(send)), outcomeAt);
        } catch (RuntimeException e) {
            log.warn("Reply latency of message {} not recorded: {}: {}", send.messageId(), e.getClass().getName(),
                    e.getMessage());
        }
    }

    private static void record(Timer timer, Instant answeredMessageAt, Instant outcomeAt) {
        if (answeredMessageAt != null) {
            Duration waited = Duration.between(answeredMessageAt, outcomeAt);
            timer.record(waited.isNegative() ? Duration.ZERO : waited);
        }
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder(METER).tag("outcome", outcome)
                .description("From a customer's message to the Send API outcome of the assistant's reply")
                .publishPercentileHistogram().serviceLevelObjectives(SLOS)
                .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }
}
