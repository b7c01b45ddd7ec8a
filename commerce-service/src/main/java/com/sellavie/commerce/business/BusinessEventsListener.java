package com.sellavie.commerce.business;

import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code identity.businesses} (group {@value #GROUP}, platform inbox): the business's name, shown on its invoices. */
@Component
class BusinessRegisteredListener {

    static final String GROUP = "commerce-businesses";

    private final IdempotentEventHandler handler;
    private final BusinessNames names;

    BusinessRegisteredListener(IdempotentEventHandler handler, BusinessNames names) {
        this.handler = handler;
        this.names = names;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).IDENTITY_BUSINESSES.name()}", groupId = GROUP)
    void on(ConsumerRecord<String, BusinessRegistered> record) {
        handler.handleOnce(record, registered -> names.remember(registered.getBusinessId(), registered.getName()));
    }
}
