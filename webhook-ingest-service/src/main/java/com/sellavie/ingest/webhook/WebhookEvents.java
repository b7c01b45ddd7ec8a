package com.sellavie.ingest.webhook;

import org.apache.avro.specific.SpecificRecord;

/**
 * Where a verified webhook's routed events go, called inside the webhook's transaction: through the outbox (the
 * default) or straight to Kafka with the outbox as fallback ({@link KafkaFirstWebhookEvents}). Either way the
 * webhook is answered 200 only once each event is durable: committed in PostgreSQL or acknowledged by Kafka.
 */
@FunctionalInterface
public interface WebhookEvents {

    /**
     * @param event the generated event record
     * @param key   its Kafka key (one conversation's events share it)
     */
    void publish(SpecificRecord event, String key);
}
