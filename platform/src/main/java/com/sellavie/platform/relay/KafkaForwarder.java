package com.sellavie.platform.relay;

import com.sellavie.schemas.EventHeaders;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each batch of routed outbox events to Kafka and only then lets Debezium record the batch as
 * processed: an event whose send was not acknowledged is read again after a restart (at-least-once).
 * The payload goes out byte for byte as the outbox stored it.
 *
 * <p>Nothing is dropped silently: a record Kafka refuses for good, and a change that is not a forwardable
 * outbox event, is logged at ERROR, counted and kept in relay_dead_letters, and the stream goes on.
 */
class KafkaForwarder implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>> {

    private static final Logger log = LoggerFactory.getLogger(KafkaForwarder.class);

    /** Only the headers the event catalog names; Debezium's own {@code __debezium.context.*} and {@code id} stay behind. */
    static final Set<String> HEADERS = Set.copyOf(EventHeaders.names());

    private final Producer<String, byte[]> producer;
    private final RelayStatus status;
    private final RelayMetrics metrics;
    private final DeadLetterStore deadLetters;
    private final RelayCheckpoint checkpoint;
    private final MissingTopics missingTopics;
    private final BooleanSupplier abandon;

    KafkaForwarder(Producer<String, byte[]> producer, RelayStatus status, RelayMetrics metrics,
            DeadLetterStore deadLetters, RelayCheckpoint checkpoint, BooleanSupplier abandon) {
        this(producer, status, metrics, deadLetters, checkpoint, MissingTopics.NONE, abandon);
    }

    KafkaForwarder(Producer<String, byte[]> producer, RelayStatus status, RelayMetrics metrics,
            DeadLetterStore deadLetters, RelayCheckpoint checkpoint, MissingTopics missingTopics,
            BooleanSupplier abandon) {
        this.missingTopics = missingTopics;
        this.producer = producer;
        this.status = status;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.checkpoint = checkpoint;
        this.abandon = abandon;
    }

    /** What the relay makes of one routed change. */
    sealed interface Routing {
    }

    /** A Debezium heartbeat: not an event, nothing to send. */
    record Heartbeat() implements Routing {
    }

    /** An outbox event to send, and when its transaction committed (null if unknown). */
    record Forward(ProducerRecord<String, byte[]> record, Instant committedAt) implements Routing {
    }

    /** A change that cannot become a Kafka record (never happens with the outbox table as migrated). */
    record Unforwardable(DeadLetter letter, String reason) implements Routing {
    }

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> events,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        List<DeadLetter> letters = new ArrayList<>();
        Instant latest = null;
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            switch (route(event.value())) {
                case Heartbeat ignored -> {
                }
                case Forward forward -> {
                    records.add(forward.record());
                    latest = later(latest, forward.committedAt());
                }
                case Unforwardable unforwardable -> {
                    DeadLetter letter = unforwardable.letter();
                    log.error("Relay cannot forward change to topic {} (event {}): {}; kept in relay_dead_letters",
                            letter.topic(), letter.eventId(), unforwardable.reason());
                    metrics.unforwardable(unforwardable.reason());
                    letters.add(letter);
                }
            }
        }
        if (!records.isEmpty()) {
            status.deliveryPending();
        }
        List<KafkaDelivery.Refused> refusals = KafkaDelivery.sendAll(producer, records, missingTopics, abandon);
        for (KafkaDelivery.Refused refused : refusals) {
            ProducerRecord<String, byte[]> record = refused.record();
            String reason = refused.cause().getClass().getSimpleName();
            log.error("Kafka refused event {} for topic {} (key {}) for good: {}: {}; kept in relay_dead_letters, "
                    + "the stream goes on", header(record, DebeziumOutboxConfig.EVENT_ID_HEADER), record.topic(),
                    record.key(), reason, refused.cause().getMessage());
            metrics.deadLettered(reason);
            letters.add(deadLetter(record, reason + ": " + refused.cause().getMessage()));
        }
        deadLetters.storeAll(letters);
        // Kafka has them (or they are kept aside): the checkpoint may move, even if the engine stops before
        // the batch is marked below.
        if (latest != null) {
            checkpoint.acknowledged(latest);
        }
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        status.delivered();
        int published = records.size() - refusals.size();
        if (published > 0) {
            status.published(published);
        }
    }

    @Override
    public boolean supportsTombstoneEvents() {
        return false;
    }

    /** The Kafka record of a routed outbox event; heartbeats are skipped; anything else is unforwardable. */
    static Routing route(SourceRecord routed) {
        if (routed == null) {
            return new Unforwardable(new DeadLetter(null, null, null, Map.of(), null, "null change"), "null-change");
        }
        if (routed.topic() != null && routed.topic().startsWith("__debezium")) {
            return new Heartbeat();
        }
        Map<String, String> headers = headers(routed);
        UUID eventId = uuid(headers.get(DebeziumOutboxConfig.EVENT_ID_HEADER));
        byte[] payload = bytes(routed.value());
        String key = routed.key() instanceof String k ? k : null;
        String problem = routed.topic() == null || routed.topic().isBlank() ? "missing-topic"
                : key == null ? "key-not-a-string"
                : payload == null ? "value-not-bytes"
                : null;
        if (problem != null) {
            String describedKey = routed.key() == null ? null : String.valueOf(routed.key());
            String detail = problem + " (key " + typeOf(routed.key()) + ", value " + typeOf(routed.value()) + ")";
            return new Unforwardable(new DeadLetter(eventId, routed.topic(), describedKey, headers, payload, detail), problem);
        }
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, value) -> {
            if (HEADERS.contains(name)) {
                kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        return new Forward(new ProducerRecord<>(routed.topic(), null, key, payload, kafkaHeaders), committedAt(routed));
    }

    /** The Kafka record of a routed outbox event, or null if it is not one (tests). */
    static ProducerRecord<String, byte[]> toKafka(SourceRecord routed) {
        return route(routed) instanceof Forward forward ? forward.record() : null;
    }

    static DeadLetter deadLetter(ProducerRecord<String, byte[]> record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return new DeadLetter(uuid(headers.get(DebeziumOutboxConfig.EVENT_ID_HEADER)), record.topic(), record.key(),
                headers, record.value(), reason);
    }

    private static Map<String, String> headers(SourceRecord routed) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : routed.headers()) {
            if (header.value() != null && HEADERS.contains(header.key())) {
                headers.put(header.key(), header.value().toString());
            }
        }
        return headers;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The commit time PostgreSQL recorded for the change's transaction, as Debezium keeps it in the source offset. */
    private static Instant committedAt(SourceRecord routed) {
        Map<String, ?> offset = routed.sourceOffset();
        if (offset != null && offset.get(DebeziumOutboxConfig.COMMIT_TIME_OFFSET) instanceof Long micros) {
            return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        }
        return null;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        return null;
    }
}
