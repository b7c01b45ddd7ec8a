package com.sellavie.conversation.delivery;

import com.sellavie.events.ingest.MessageStatusChanged;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code ingest.delivery-statuses}: each event applied once (platform inbox), tenant from the record's header. */
@Component
class DeliveryStatusListener {

    private final IdempotentEventHandler handler;
    private final DeliveryStatuses statuses;

    DeliveryStatusListener(IdempotentEventHandler handler, DeliveryStatuses statuses) {
        this.handler = handler;
        this.statuses = statuses;
    }

    @KafkaListener(topics = "ingest.delivery-statuses", groupId = "conversation-service")
    void on(ConsumerRecord<String, MessageStatusChanged> record) {
        handler.handleOnce(record, statuses::apply);
    }
}
