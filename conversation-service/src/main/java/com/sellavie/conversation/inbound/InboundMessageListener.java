package com.sellavie.conversation.inbound;

import com.sellavie.conversation.faults.FaultInjection;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code ingest.inbound-messages}: each event applied once (platform inbox), tenant from the record's header. */
@Component
class InboundMessageListener {

    private final IdempotentEventHandler handler;
    private final InboundMessageRecorder recorder;
    private final FaultInjection faults;

    InboundMessageListener(IdempotentEventHandler handler, InboundMessageRecorder recorder, FaultInjection faults) {
        this.handler = handler;
        this.recorder = recorder;
        this.faults = faults;
    }

    @KafkaListener(topics = "ingest.inbound-messages", groupId = "conversation-service")
    void on(ConsumerRecord<String, InboundMessageReceived> record) {
        handler.handleOnce(record, recorder::record);
        faults.point(FaultInjection.AFTER_INBOUND_RECORDED);
    }
}
