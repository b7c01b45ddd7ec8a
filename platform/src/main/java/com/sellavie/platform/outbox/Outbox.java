package com.sellavie.platform.outbox;

import org.apache.avro.specific.SpecificRecord;

/**
 * Publishes events as part of the caller's database transaction: the event is written to the
 * service's {@code outbox} table and reaches Kafka (through the relay) only if that transaction
 * commits, at least once, keyed by {@code aggregateId} on the topic that carries its type.
 *
 * <p>Must be called inside an active transaction; calling it outside one throws
 * {@link org.springframework.transaction.IllegalTransactionStateException}.
 */
public interface Outbox {

    /**
     * @param event       a generated event record (it carries eventId, businessId, correlationId)
     * @param aggregateId the id of the aggregate the event is about; the Kafka key, so one aggregate's events stay in order
     */
    void publish(SpecificRecord event, String aggregateId);
}
