package com.sellavie.conversation.outbound;

import com.sellavie.events.messaging.OutboundMessageRequested;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code messaging.outbound-requests}: a text another service asks to send (commerce's checkout link,
 * receipt, payment status) becomes a SYSTEM message queued for sending like an assistant reply
 * ({@link OutboundIntake}). A request naming a conversation the business does not have, or with a
 * blank text or one too long for the channel, is refused: dead-lettered at once, nothing recorded.
 */
@Component
class OutboundRequestListener {

    private final OutboundIntake intake;

    OutboundRequestListener(OutboundIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).MESSAGING_OUTBOUND_REQUESTS.name()}",
            groupId = "conversation-service")
    void on(ConsumerRecord<String, OutboundMessageRequested> record) {
        intake.accept(record, OutboundRequest::of);
    }
}
