package com.sellavie.identity.activity;

import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Business actions announced on other services' topics (channels, handoffs, orders) and identity's
 * own team changes, recorded as activity (group {@value #GROUP}, platform inbox: a redelivered event
 * is recorded once; a record that fails goes to the platform's dead-letter topic and is counted).
 * The tenant is the record's {@code businessId} header (platform).
 */
@Component
class ActivityEventsListener {

    static final String GROUP = "identity-activity";

    private final IdempotentEventHandler handler;
    private final ActivityLog activity;

    ActivityEventsListener(IdempotentEventHandler handler, ActivityLog activity) {
        this.handler = handler;
        this.activity = activity;
    }

    @KafkaListener(groupId = GROUP, topics = {
            "#{T(com.sellavie.schemas.Topics).CONVERSATION_CHANNELS.name()}",
            "#{T(com.sellavie.schemas.Topics).CONVERSATION_HANDOFFS.name()}",
            "#{T(com.sellavie.schemas.Topics).COMMERCE_ORDERS.name()}",
            "#{T(com.sellavie.schemas.Topics).IDENTITY_MEMBERS.name()}"},
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        TopicActivity.of(record.value()).ifPresent(entry -> handler.handleOnce(record, event -> activity.record(entry)));
    }
}
