package com.sellavie.ai.messaging.inbound;

import com.sellavie.ai.catalog.CatalogUpdates;
import com.sellavie.events.commerce.ProductRemoved;
import com.sellavie.events.commerce.ProductUpserted;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * commerce.catalog: the products the assistant offers, each event applied once (platform inbox) as
 * the tenant its businessId header names. The topic is compacted and read from the beginning by a new
 * group, so a fresh instance rebuilds the whole catalog.
 */
@Component
class CatalogEventsListener {

    private final IdempotentEventHandler handler;
    private final CatalogUpdates updates;

    CatalogEventsListener(IdempotentEventHandler handler, CatalogUpdates updates) {
        this.handler = handler;
        this.updates = updates;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).COMMERCE_CATALOG.name()}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        handler.handleOnce(record, event -> {
            switch (event) {
                case ProductUpserted upserted -> updates.apply(upserted);
                case ProductRemoved removed -> updates.apply(removed);
                default -> throw new IllegalArgumentException("Unexpected event on commerce.catalog: "
                        + event.getSchema().getFullName());
            }
        });
    }
}
