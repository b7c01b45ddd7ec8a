package com.sellavie.ai.messaging.inbound;

import com.sellavie.ai.knowledge.KnowledgeRepository;
import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** identity.businesses: the business's name, which replies greet with. */
@Component
class BusinessRegisteredListener {

    private final IdempotentEventHandler handler;
    private final KnowledgeRepository knowledge;

    BusinessRegisteredListener(IdempotentEventHandler handler, KnowledgeRepository knowledge) {
        this.handler = handler;
        this.knowledge = knowledge;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).IDENTITY_BUSINESSES.name()}")
    void on(ConsumerRecord<String, BusinessRegistered> record) {
        handler.handleOnce(record, registered -> knowledge.saveBusiness(
                registered.getBusinessId(), registered.getName()));
    }
}
