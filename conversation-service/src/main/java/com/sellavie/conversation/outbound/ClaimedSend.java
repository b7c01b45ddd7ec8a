package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;
import com.sellavie.conversation.messaging.Conversation;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.util.UUID;

/**
 * An outbound message this instance holds the lease of, with what its send needs.
 *
 * @param sourceEventId  the event that asked for it (ReplyGenerated or OutboundMessageRequested): the
 *                       cause of the events its outcome publishes
 * @param attempts       Send API calls made for it so far (kept across a team member's resend)
 * @param authorType     ASSISTANT, SYSTEM or MEMBER: who may use which window
 * @param imageUrl       an image link sent with (WhatsApp) or as (Instagram, Messenger) the message; null when none
 * @param template       a WhatsApp template sent instead of text; null when none
 * @param privateReply   the customer's comment this privately answers; null for a direct message
 * @param traceparent    the W3C trace context of whatever queued it, continued by the send; null when none
 */
record ClaimedSend(UUID businessId, UUID messageId, Conversation conversation, Channel channel, String text,
        UUID sourceEventId, String correlationId, int attempts, String authorType, String imageUrl,
        TemplateMessage template, PrivateReply privateReply, String traceparent) {

    /** Not traced (no span queued it). */
    ClaimedSend(UUID businessId, UUID messageId, Conversation conversation, Channel channel, String text,
            UUID sourceEventId, String correlationId, int attempts, String authorType, String imageUrl,
            TemplateMessage template, PrivateReply privateReply) {
        this(businessId, messageId, conversation, channel, text, sourceEventId, correlationId, attempts, authorType,
                imageUrl, template, privateReply, null);
    }

    /** A direct message (no comment answered). */
    ClaimedSend(UUID businessId, UUID messageId, Conversation conversation, Channel channel, String text,
            UUID sourceEventId, String correlationId, int attempts, String authorType, String imageUrl,
            TemplateMessage template) {
        this(businessId, messageId, conversation, channel, text, sourceEventId, correlationId, attempts, authorType,
                imageUrl, template, null);
    }

    /** Metadata for an event about this send's outcome: same journey, caused by the request. */
    EventMetadata outcomeMetadata(Instant at) {
        String correlation = correlationId != null ? correlationId : sourceEventId.toString();
        return EventMetadata.causedBy(new EventMetadata(sourceEventId, at, businessId, correlation, null), at);
    }
}
