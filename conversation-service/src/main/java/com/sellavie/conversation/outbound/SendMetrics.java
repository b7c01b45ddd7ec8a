package com.sellavie.conversation.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * {@code sellavie.outbound.sends{outcome}}: what each attempt (or requested message) came to — sent, retried (a
 * refusal that will be tried again), failed, unknown (maybe sent), expired (a replay too old to send),
 * interrupted (a sender died mid-call; also unknown to the customer), unrecorded (Meta accepted, the
 * record failed and is retried). {@code sellavie.outbound.due}: PENDING messages due now, as the
 * scheduler last counted them.
 */
@Component
class SendMetrics {

    static final String SENT = "sent";
    static final String RETRIED = "retried";
    static final String FAILED = "failed";
    static final String UNKNOWN = "unknown";
    static final String EXPIRED = "expired";
    static final String INTERRUPTED = "interrupted";
    static final String UNRECORDED = "unrecorded";

    private final Map<String, Counter> outcomes;
    private final AtomicLong due = new AtomicLong();

    SendMetrics(MeterRegistry registry) {
        outcomes = Map.of(SENT, counter(registry, SENT), RETRIED, counter(registry, RETRIED),
                FAILED, counter(registry, FAILED), UNKNOWN, counter(registry, UNKNOWN),
                EXPIRED, counter(registry, EXPIRED), INTERRUPTED, counter(registry, INTERRUPTED),
                UNRECORDED, counter(registry, UNRECORDED));
        Gauge.builder("sellavie.outbound.due", due, AtomicLong::get)
                .description("Outbound messages due for a Send API attempt").register(registry);
    }

    void outcome(String outcome) {
        outcomes.get(outcome).increment();
    }

    void due(long count) {
        due.set(count);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("sellavie.outbound.sends").tag("outcome", outcome)
                .description("Outbound send outcomes").register(registry);
    }
}
