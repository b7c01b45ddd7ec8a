package com.sellavie.platform.outbox;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes each event to the {@code outbox} table in the caller's transaction. The relay reads the INSERT
 * from the write-ahead log; the row stays for the retention window ({@link OutboxRetention}) so a relay
 * that lost its replication slot can publish it again from the table.
 */
class JdbcOutbox implements Outbox {

    private static final String INSERT = """
            INSERT INTO outbox (id, topic, aggregate_id, event_type, business_id, correlation_id, traceparent, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EventRecords records;

    JdbcOutbox(JdbcTemplate jdbc, EventRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @Override
    public void publish(SpecificRecord event, String aggregateId) {
        // Propagation MANDATORY, checked here rather than by a proxy: outside a transaction the event
        // would be published whether or not the state change that caused it is ever committed.
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "Outbox.publish must run inside the transaction that changes the state the event reports");
        }
        write(records.entry(event, aggregateId));
    }

    private void write(OutboxEntry entry) {
        jdbc.update(INSERT, entry.id(), entry.topic(), entry.aggregateId(), entry.eventType(), entry.businessId(),
                entry.correlationId(), entry.traceparent(), entry.payload());
    }
}
