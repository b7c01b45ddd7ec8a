package com.sellavie.ai.messaging.inbound;

import com.sellavie.ai.reply.ReplyGeneration;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** conversation.reply-requests: each ReplyRequested answered once (the inbox and the reply share a transaction). */
@Component
class ReplyRequestListener {

    private final IdempotentEventHandler handler;
    private final ReplyGeneration replies;

    ReplyRequestListener(IdempotentEventHandler handler, ReplyGeneration replies) {
        this.handler = handler;
        this.replies = replies;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).CONVERSATION_REPLY_REQUESTS.name()}")
    void on(ConsumerRecord<String, ReplyRequested> record) {
        handler.handleOnce(record, replies::answer);
    }
}
