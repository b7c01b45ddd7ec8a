package com.sellavie.conversation.outbound;

import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code ai.replies}: first the PENDING record and the inbox entry commit together, then the call.
 * A redelivered reply finds its inbox entry and sends nothing, whatever became of the first send.
 */
@Component
class ReplyListener {

    private final IdempotentEventHandler handler;
    private final OutboundRecorder recorder;
    private final OutboundSender sender;

    ReplyListener(IdempotentEventHandler handler, OutboundRecorder recorder, OutboundSender sender) {
        this.handler = handler;
        this.recorder = recorder;
        this.sender = sender;
    }

    @KafkaListener(topics = "ai.replies", groupId = "conversation-service")
    void on(ConsumerRecord<String, ReplyGenerated> record) {
        AtomicReference<Optional<PendingSend>> pending = new AtomicReference<>(Optional.empty());
        handler.handleOnce(record, reply -> pending.set(recorder.recordPending(reply)));
        pending.get().ifPresent(sender::send);
    }
}
