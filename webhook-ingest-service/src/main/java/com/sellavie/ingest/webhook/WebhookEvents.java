package com.sellavie.ingest.webhook;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where a verified webhook's routed events go: through the outbox, or straight to Kafka with the outbox as fallback
 * ({@link KafkaFirstWebhookEvents}, the default). Either way the webhook is answered 200 only once each event is
 * durable: committed in PostgreSQL or acknowledged by Kafka.
 */
@FunctionalInterface
public interface WebhookEvents {

    /** A routed event and its Kafka key (one conversation's events share it). */
    record Keyed(SpecificRecord event, String key) {
    }

    /**
     * Publishes {@code event} with the transaction the caller is in (a webhook that also keeps rows in ingest's
     * database, or whose routes had to be looked up there): durable when that transaction commits.
     */
    void publish(SpecificRecord event, String key);

    /** Whether {@link #publishNow} is supported: events can be made durable without the caller's transaction. */
    default boolean publishesOutsideTransactions() {
        return false;
    }

    /**
     * Publishes a webhook's events from its own thread, outside any transaction (every route was known in memory, so
     * nothing else of the webhook is written), and returns once each is durable; throws if one is not.
     */
    default void publishNow(List<Keyed> events) {
        throw new UnsupportedOperationException("These events are published only within a transaction");
    }
}
