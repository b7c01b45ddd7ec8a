package com.sellavie.ai.messaging.inbound;

import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.KnowledgeRepository;
import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.events.identity.BusinessUpdated;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * identity.businesses: the business's name (replies greet with it), and from {@code BusinessUpdated}
 * its language (the assistant's fallback when the customer's is unclear) and time zone. An event
 * type this service does not know fails into the dead-letter topic (platform), never silently.
 */
@Component
class BusinessEventsListener {

    private final IdempotentEventHandler handler;
    private final KnowledgeRepository knowledge;

    BusinessEventsListener(IdempotentEventHandler handler, KnowledgeRepository knowledge) {
        this.handler = handler;
        this.knowledge = knowledge;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).IDENTITY_BUSINESSES.name()}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        handler.handleOnce(record, event -> {
            switch (event) {
                case BusinessRegistered registered -> knowledge.saveBusiness(registered.getBusinessId(),
                        registered.getName());
                case BusinessUpdated updated -> knowledge.saveBusiness(updated.getBusinessId(), updated.getName(),
                        new BusinessKnowledge.Settings(updated.getLanguage(), updated.getTimeZone()));
                default -> throw new IllegalArgumentException(
                        "Unexpected event on identity.businesses: " + event.getSchema().getFullName());
            }
        });
    }
}
