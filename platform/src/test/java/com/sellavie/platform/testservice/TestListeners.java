package com.sellavie.platform.testservice;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.inbox.EventIds;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The test service's consumers, each on its own topic and consumer group, recording what they saw
 * for the tests to assert on.
 */
public class TestListeners {

    public static final String INBOX_TOPIC = "test.inbox";
    public static final String FAILURES_TOPIC = "test.failures";
    public static final String REPLAY_TOPIC = "test.replay";
    public static final String OBSERVED_TOPIC = "test.observed";
    /** The topic the outbox routes InboundMessageReceived to, as the relay publishes it. */
    public static final String OUTBOX_TOPIC = "#{T(com.sellavie.schemas.Topics).INGEST_INBOUND_MESSAGES.name()}";
    public static final String INBOX_GROUP = "consumer-it-inbox";
    /** Three partitions, all read by one consumer thread: what one partition's retry does to the others. */
    public static final String CLASSIFIED_TOPIC = "test.classified";
    public static final String CLASSIFIED_GROUP = "consumer-it-classified";
    /** Texts whose handler inserts the key after the prefix into unique_keys (a second time: a violation). */
    public static final String UNIQUE = "unique:";
    /** Texts whose handler takes the 'classified' gate row with NOWAIT: fails while a test holds it. */
    public static final String GATED = "gated:";

    /** Texts whose handler throws every time. */
    public static final String ALWAYS_FAILS = "fail:";
    /** Texts whose handler throws while {@link #flaky} is set. */
    public static final String FLAKY = "flaky:";

    public final AtomicBoolean flaky = new AtomicBoolean(true);
    public final Map<UUID, AtomicInteger> inboxDeliveries = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    public final List<String> handled = new CopyOnWriteArrayList<>();
    public final Map<String, Observed> observed = new ConcurrentHashMap<>();
    /** When each attempt to handle a classified record began, by text. */
    public final Map<String, List<Instant>> classifiedAttempts = new ConcurrentHashMap<>();
    /** Classified records handled, in order. */
    public final List<String> classifiedHandled = new CopyOnWriteArrayList<>();

    private final IdempotentEventHandler handler;
    private final JdbcTemplate jdbc;
    private final Tracer tracer;

    TestListeners(IdempotentEventHandler handler, JdbcTemplate jdbc, Tracer tracer) {
        this.handler = handler;
        this.jdbc = jdbc;
        this.tracer = tracer;
    }

    /** What a listener saw while handling one record. */
    public record Observed(Optional<UUID> businessId, TraceContext span, List<String> visibleNotes) {
    }

    @KafkaListener(topics = INBOX_TOPIC, groupId = INBOX_GROUP)
    public void inbox(ConsumerRecord<String, InboundMessageReceived> record) {
        inboxDeliveries.computeIfAbsent(EventIds.of(record), id -> new AtomicInteger()).incrementAndGet();
        handler.handleOnce(record, event -> jdbc.update(
                "INSERT INTO deliveries (business_id, event_id, text) VALUES (?, ?, ?)",
                TenantContext.requireBusinessId(), event.getEventId(), event.getText()));
    }

    @KafkaListener(topics = {FAILURES_TOPIC, REPLAY_TOPIC}, groupId = "consumer-it-failures")
    public void failures(InboundMessageReceived event) {
        String text = event.getText();
        attempts.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
        if (text.startsWith(ALWAYS_FAILS) || text.startsWith(FLAKY) && flaky.get()) {
            throw new IllegalStateException("handler refused " + text);
        }
        handled.add(text);
    }

    /** A light listener (sellavie.kafka.light-listener-concurrency, one consumer thread), as the services' are. */
    @KafkaListener(topics = CLASSIFIED_TOPIC, groupId = CLASSIFIED_GROUP,
            concurrency = ListenerConcurrency.LIGHT)
    public void classified(InboundMessageReceived event) {
        String text = event.getText();
        classifiedAttempts.computeIfAbsent(text, t -> new CopyOnWriteArrayList<>()).add(Instant.now());
        if (text.startsWith(UNIQUE)) {
            jdbc.update("INSERT INTO unique_keys (key) VALUES (?)", text.substring(UNIQUE.length()));
        }
        if (text.startsWith(GATED)) {
            jdbc.queryForList("SELECT name FROM gates WHERE name = 'classified' FOR UPDATE NOWAIT");
        }
        classifiedHandled.add(text);
    }

    @KafkaListener(topics = {OBSERVED_TOPIC, OUTBOX_TOPIC}, groupId = "consumer-it-observed")
    public void observe(InboundMessageReceived event) {
        Span span = tracer.currentSpan();
        Optional<UUID> businessId = TenantContext.currentBusinessId();
        List<String> notes = businessId.isPresent()
                ? jdbc.queryForList("SELECT body FROM notes ORDER BY id", String.class)
                : List.of();
        observed.put(event.getText(), new Observed(businessId, span == null ? null : span.context(), notes));
    }
}
