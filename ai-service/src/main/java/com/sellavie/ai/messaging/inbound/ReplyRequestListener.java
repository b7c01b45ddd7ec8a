package com.sellavie.ai.messaging.inbound;

import com.sellavie.ai.reply.ReplyIntake;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * conversation.reply-requests: each ReplyRequested recorded once as a reply job (inbox entry and job
 * in one short transaction). No model call here: the consumer thread never waits on a provider.
 */
@Component
class ReplyRequestListener {

    private final IdempotentEventHandler handler;
    private final ReplyIntake intake;

    ReplyRequestListener(IdempotentEventHandler handler, ReplyIntake intake) {
        this.handler = handler;
        this.intake = intake;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).CONVERSATION_REPLY_REQUESTS.name()}")
    void on(ConsumerRecord<String, ReplyRequested> record) {
        handler.handleOnce(record, intake::accept);
    }
}
