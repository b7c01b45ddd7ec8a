package com.sellavie.platform.relay;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes again, from the outbox table, every row a new replication slot cannot stream: those after the
 * mark left when the slot was created (the last acknowledged position minus a margin). Runs before the new
 * slot's engine, through the same producer, and clears the mark only once Kafka acknowledged every row, so
 * a leader that dies half-way leaves the whole job to the next one. Rows already delivered go out twice;
 * consumers' inboxes absorb that.
 */
class OutboxRepublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxRepublisher.class);
    private static final String PAGE = """
            SELECT id, topic, aggregate_id, event_type, business_id, traceparent, payload, created_at::text AS position, created_at
            FROM outbox
            WHERE created_at > ?::timestamptz OR (created_at = ?::timestamptz AND id > ?)
            ORDER BY created_at, id
            LIMIT ?""";

    private final RelayDatabase db;
    private final String slotName;
    private final int batchSize;
    private final RelayStatus status;
    private final RelayMetrics metrics;
    private final DeadLetterStore deadLetters;
    private final RelayCheckpoint checkpoint;

    OutboxRepublisher(RelayDatabase db, String slotName, int batchSize, RelayStatus status, RelayMetrics metrics,
            DeadLetterStore deadLetters, RelayCheckpoint checkpoint) {
        this.db = db;
        this.slotName = slotName;
        this.batchSize = batchSize;
        this.status = status;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.checkpoint = checkpoint;
    }

    /** Republishes if a mark is pending; returns how many rows were sent. */
    long republishIfMarked(Producer<String, byte[]> producer, BooleanSupplier abandon) throws InterruptedException {
        try (Connection connection = db.open("sellavie-relay republish")) {
            Optional<String> from = RelayCheckpoint.republishFrom(connection, slotName);
            if (from.isEmpty()) {
                return 0;
            }
            long sent = republish(connection, from.get(), producer, abandon);
            RelayCheckpoint.republished(connection, slotName, from.get());
            log.warn("Relay republished {} outbox event(s) created after {} for the new slot {} (some may be "
                    + "duplicates; consumers' inboxes absorb them)", sent, from.get(), slotName);
            metrics.republished(sent);
            return sent;
        } catch (SQLException e) {
            throw new RelayException("Could not republish the outbox for the new slot " + slotName, e);
        }
    }

    private long republish(Connection connection, String from, Producer<String, byte[]> producer, BooleanSupplier abandon)
            throws SQLException, InterruptedException {
        String afterCreatedAt = from;
        UUID afterId = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        long sent = 0;
        while (true) {
            List<ProducerRecord<String, byte[]>> page = new ArrayList<>(batchSize);
            Instant latest = null;
            try (PreparedStatement query = connection.prepareStatement(PAGE)) {
                query.setString(1, afterCreatedAt);
                query.setString(2, afterCreatedAt);
                query.setObject(3, afterId);
                query.setInt(4, batchSize);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        page.add(record(rows));
                        afterId = rows.getObject(1, UUID.class);
                        afterCreatedAt = rows.getString(8);
                        latest = rows.getTimestamp(9).toInstant();
                    }
                }
            }
            if (page.isEmpty()) {
                return sent;
            }
            status.deliveryPending();
            List<DeadLetter> refused = new ArrayList<>();
            for (KafkaDelivery.Refused refusal : KafkaDelivery.sendAll(producer, page, abandon)) {
                String reason = refusal.cause().getClass().getSimpleName();
                log.error("Kafka refused republished event for topic {} (key {}) for good: {}: {}; kept in "
                        + "relay_dead_letters", refusal.record().topic(), refusal.record().key(), reason,
                        refusal.cause().getMessage());
                metrics.deadLettered(reason);
                refused.add(KafkaForwarder.deadLetter(refusal.record(), reason + ": " + refusal.cause().getMessage()));
            }
            deadLetters.storeAll(refused);
            checkpoint.acknowledged(latest);
            status.delivered();
            status.published(page.size() - refused.size());
            sent += page.size();
        }
    }

    private static ProducerRecord<String, byte[]> record(ResultSet row) throws SQLException {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DebeziumOutboxConfig.EVENT_ID_HEADER, row.getString("id"));
        add(headers, DebeziumOutboxConfig.EVENT_TYPE_HEADER, row.getString("event_type"));
        add(headers, DebeziumOutboxConfig.BUSINESS_ID_HEADER, row.getString("business_id"));
        add(headers, DebeziumOutboxConfig.TRACEPARENT_HEADER, row.getString("traceparent"));
        return new ProducerRecord<>(row.getString("topic"), null, row.getString("aggregate_id"), row.getBytes("payload"),
                headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
