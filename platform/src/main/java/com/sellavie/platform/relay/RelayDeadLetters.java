package com.sellavie.platform.relay;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's dead letters (table relay_dead_letters): records Kafka refused for good, and changes the relay
 * could not turn into records. Replaying one puts it back into the outbox as a fresh insert (same eventId,
 * same topic, key, headers and bytes), so the relay streams it like any event, and removes the dead letter,
 * in one transaction. Fix the cause first (raise the topic's max.message.bytes, grant the ACL...): a record
 * refused again simply comes back here.
 */
public class RelayDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(RelayDeadLetters.class);
    private static final String SELECT = """
            SELECT id, event_id, topic, key, payload, reason, failed_at,
                   headers ->> 'eventType' AS event_type, headers ->> 'businessId' AS business_id,
                   headers ->> 'traceparent' AS traceparent
            FROM relay_dead_letters""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public RelayDeadLetters(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** There is no dead letter with that id (never was, or already replayed). */
    public static final class NoSuchDeadLetterException extends IllegalArgumentException {
        NoSuchDeadLetterException(long id) {
            super("No relay dead letter " + id);
        }
    }

    /** One dead letter as listed (the payload's size, not its bytes). */
    public record Entry(long id, UUID eventId, String topic, String key, String eventType, int payloadBytes,
            String reason, Instant failedAt) {
    }

    /** Every dead letter, oldest first. */
    public List<Entry> list() {
        return jdbc.query(SELECT + " ORDER BY id", (row, n) -> new Entry(row.getLong("id"),
                row.getObject("event_id", UUID.class), row.getString("topic"), row.getString("key"),
                row.getString("event_type"), row.getBytes("payload") == null ? 0 : row.getBytes("payload").length,
                row.getString("reason"), row.getTimestamp("failed_at").toInstant()));
    }

    /**
     * Puts dead letter {@code id} back into the outbox and deletes it. Throws IllegalArgumentException, changing
     * nothing, if there is no such dead letter or it lacks what an outbox row needs (a change the relay could
     * not read has no topic, key or payload to replay).
     */
    public void replay(long id) {
        transactions.executeWithoutResult(tx -> {
            List<Map<String, Object>> rows = jdbc.queryForList(SELECT + " WHERE id = ? FOR UPDATE", id);
            if (rows.isEmpty()) {
                throw new NoSuchDeadLetterException(id);
            }
            Map<String, Object> row = rows.getFirst();
            if (row.get("event_id") == null || row.get("topic") == null || row.get("key") == null
                    || row.get("payload") == null || row.get("event_type") == null) {
                throw new IllegalArgumentException("Relay dead letter " + id + " cannot be replayed: it lacks an event id, "
                        + "topic, key, event type or payload (" + row.get("reason") + ")");
            }
            // The original row may still be in the outbox (retention): the replay is a new insert of the same event.
            jdbc.update("DELETE FROM outbox WHERE id = ?", row.get("event_id"));
            jdbc.update("""
                    INSERT INTO outbox (id, topic, aggregate_id, event_type, business_id, traceparent, payload)
                    VALUES (?, ?, ?, ?, ?::uuid, ?, ?)""", row.get("event_id"), row.get("topic"), row.get("key"),
                    row.get("event_type"), row.get("business_id"), row.get("traceparent"), row.get("payload"));
            jdbc.update("DELETE FROM relay_dead_letters WHERE id = ?", id);
        });
        log.info("Relay dead letter {} put back into the outbox", id);
    }

    /** Replays every dead letter that can be; returns how many. Those that cannot are logged and stay. */
    public int replayAll() {
        int replayed = 0;
        for (Entry entry : list()) {
            try {
                replay(entry.id());
                replayed++;
            } catch (IllegalArgumentException e) {
                log.warn("Relay dead letter {} stays: {}", entry.id(), e.getMessage());
            }
        }
        return replayed;
    }
}
