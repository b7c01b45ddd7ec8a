package com.sellavie.conversation.outbound;

import com.sellavie.events.ai.ReplyGenerated;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code ai.replies}: the assistant's reply becomes an ASSISTANT message queued for sending
 * ({@link OutboundIntake}); a reply carrying only actions sends nothing.
 */
@Component
class ReplyListener {

    private final OutboundIntake intake;

    ReplyListener(OutboundIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).AI_REPLIES.name()}", groupId = "conversation-service")
    void on(ConsumerRecord<String, ReplyGenerated> record) {
        intake.accept(record, OutboundRequest::of);
    }
}
