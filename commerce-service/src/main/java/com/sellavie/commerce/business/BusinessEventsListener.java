package com.sellavie.commerce.business;

import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.events.identity.BusinessUpdated;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code identity.businesses} (group {@value #GROUP}, platform inbox): the business's name, shown on its
 * invoices, from {@code BusinessRegistered} and every {@code BusinessUpdated} (the last one wins). An
 * event type this service does not know fails into the dead-letter topic (platform).
 */
@Component
class BusinessEventsListener {

    static final String GROUP = "commerce-businesses";

    private final IdempotentEventHandler handler;
    private final BusinessNames names;

    BusinessEventsListener(IdempotentEventHandler handler, BusinessNames names) {
        this.handler = handler;
        this.names = names;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).IDENTITY_BUSINESSES.name()}", groupId = GROUP,
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        handler.handleOnce(record, event -> {
            switch (event) {
                case BusinessRegistered registered -> names.remember(registered.getBusinessId(), registered.getName());
                case BusinessUpdated updated -> names.remember(updated.getBusinessId(), updated.getName());
                default -> throw new IllegalArgumentException(
                        "Unexpected event on identity.businesses: " + event.getSchema().getFullName());
            }
        });
    }
}
