package com.sellavie.platform.relay;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Sends each batch of routed outbox events to Kafka and only then lets Debezium record the batch as
 * processed: an event whose send was not acknowledged is read again after a restart (at-least-once).
 * The payload goes out byte for byte as the outbox stored it.
 */
class KafkaForwarder implements DebeziumEngine.ChangeConsumer<ChangeEvent<SourceRecord, SourceRecord>> {

    /** Only the headers the design names; Debezium's own {@code __debezium.context.*} and {@code id} stay behind. */
    static final Set<String> HEADERS = Set.of(DebeziumOutboxConfig.EVENT_ID_HEADER, DebeziumOutboxConfig.EVENT_TYPE_HEADER,
            DebeziumOutboxConfig.BUSINESS_ID_HEADER, DebeziumOutboxConfig.TRACEPARENT_HEADER);

    private final Producer<String, byte[]> producer;
    private final RelayStatus status;

    KafkaForwarder(Producer<String, byte[]> producer, RelayStatus status) {
        this.producer = producer;
        this.status = status;
    }

    @Override
    public void handleBatch(List<ChangeEvent<SourceRecord, SourceRecord>> events,
            DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            ProducerRecord<String, byte[]> record = toKafka(event.value());
            if (record != null) {
                acks.add(producer.send(record));
            }
        }
        producer.flush();
        awaitAll(acks);
        for (ChangeEvent<SourceRecord, SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        if (!acks.isEmpty()) {
            status.published(acks.size());
        }
    }

    @Override
    public boolean supportsTombstoneEvents() {
        return false;
    }

    /** The Kafka record of a routed outbox event, or null for anything else (heartbeats). */
    static ProducerRecord<String, byte[]> toKafka(SourceRecord routed) {
        if (routed == null || !(routed.key() instanceof String key) || routed.topic().startsWith("__debezium")) {
            return null;
        }
        byte[] payload = bytes(routed.value());
        if (payload == null) {
            return null;
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : routed.headers()) {
            if (HEADERS.contains(header.key()) && header.value() != null) {
                headers.add(header.key(), header.value().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ProducerRecord<>(routed.topic(), null, key, payload, headers);
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

    private static void awaitAll(List<Future<RecordMetadata>> acks) throws InterruptedException {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                // The engine stops on this; the leader restarts it from the last stored offset.
                throw new RelayException("Kafka did not acknowledge an outbox event", e.getCause());
            }
        }
    }
}
