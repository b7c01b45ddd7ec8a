package com.sellavie.conversation.outbound;

import com.sellavie.conversation.messaging.AnsweredBy;
import com.sellavie.conversation.messaging.Message;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.schemas.EventMetadata;
import java.util.UUID;

/**
 * An event asking for a text to be sent to a conversation's customer, whatever service asked: an AI
 * reply, or a SYSTEM message another service requested (checkout link, receipt). Both go through the
 * same queue and the same exactly-once rules; they differ only in who wrote the text and in what an
 * unsendable text means.
 *
 * @param cause          the asking event: its eventId makes the message idempotent and causes the events
 * @param authorType     {@link Message#ASSISTANT} or {@link Message#SYSTEM}
 * @param description    names the request in logs and failures (type, purpose, reference)
 * @param replyRequestId an AI reply's ReplyRequested: when a customer's comment caused it, the reply is
 *                       that comment's private reply; null for other requests
 * @param answeredBy     the provider and model that wrote an AI reply; null for other requests
 */
record OutboundRequest(EventMetadata cause, UUID conversationId, String authorType, String text,
        String description, UUID replyRequestId, AnsweredBy answeredBy) {

    OutboundRequest(EventMetadata cause, UUID conversationId, String authorType, String text, String description) {
        this(cause, conversationId, authorType, text, description, null, null);
    }

    static OutboundRequest of(ReplyGenerated reply) {
        return new OutboundRequest(EventMetadata.of(reply), reply.getConversationId(), Message.ASSISTANT,
                reply.getText(), "Reply " + reply.getEventId(), reply.getReplyRequestId(),
                new AnsweredBy(reply.getProviderName(), reply.getModel(), reply.getOffline()));
    }

    static OutboundRequest of(OutboundMessageRequested request) {
        String about = request.getReference() == null ? "" : " about " + request.getReference();
        return new OutboundRequest(EventMetadata.of(request), request.getConversationId(), Message.SYSTEM,
                request.getText(), "OutboundMessageRequested " + request.getEventId() + " (" + request.getPurpose()
                        + about + ")");
    }

    boolean blank() {
        return text == null || text.isBlank();
    }

    /**
     * Whether a text that cannot be sent as it is (blank, or too long for the channel) is a refused
     * request (dead letter: the asking service sent something wrong) rather than nothing to send (an AI
     * reply that carries only actions).
     */
    boolean mustBeSendable() {
        return Message.SYSTEM.equals(authorType);
    }
}
