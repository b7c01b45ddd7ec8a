package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.messaging.Message;
import com.sellavie.conversation.messaging.MessageStore;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a team member can do with an UNKNOWN message once they have looked on Instagram: resend it
 * (PENDING again, the scheduler sends it; attempts kept) or mark it delivered (SENT, Meta not called).
 * Another business's message answers 404 like a missing one; a message that is not UNKNOWN, 409.
 */
@Component
class UnknownDeliveryActions {

    private static final Logger log = LoggerFactory.getLogger(UnknownDeliveryActions.class);

    private final OutboundQueue queue;
    private final MessageStore store;
    private final ChannelDirectory channels;
    private final OutboundRecorder recorder;

    UnknownDeliveryActions(OutboundQueue queue, MessageStore store, ChannelDirectory channels,
            OutboundRecorder recorder) {
        this.queue = queue;
        this.store = store;
        this.channels = channels;
        this.recorder = recorder;
    }

    @Transactional
    public Message resend(UUID businessId, UUID conversationId, UUID messageId, String memberId) {
        if (queue.resend(businessId, conversationId, messageId, memberId) != 1) {
            throw refusal(businessId, conversationId, messageId);
        }
        log.info("Message {} (conversation {}, business {}) was UNKNOWN: resent by team member {}", messageId,
                conversationId, businessId, memberId);
        return store.findMessage(businessId, messageId).orElseThrow();
    }

    @Transactional
    public Message markDelivered(UUID businessId, UUID conversationId, UUID messageId, String memberId) {
        if (queue.markDelivered(businessId, conversationId, messageId, memberId) != 1) {
            throw refusal(businessId, conversationId, messageId);
        }
        Message message = store.findMessage(businessId, messageId).orElseThrow();
        var conversation = store.find(businessId, conversationId).orElseThrow();
        var channel = channels.find(businessId, conversation.channelId()).orElseThrow();
        var claims = queue.claimed(businessId, messageId).orElseThrow();
        recorder.announceMarkedDelivered(new ClaimedSend(businessId, messageId, conversation, channel, message.text(),
                claims.sourceEventId(), claims.correlationId(), message.attempts(), claims.authorType(),
                claims.imageUrl(), claims.template()));
        log.info("Message {} (conversation {}, business {}) was UNKNOWN: marked delivered by team member {}",
                messageId, conversationId, businessId, memberId);
        return message;
    }

    private ResponseStatusException refusal(UUID businessId, UUID conversationId, UUID messageId) {
        return queue.outboundStatus(businessId, conversationId, messageId)
                .map(status -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "Only a message whose delivery is UNKNOWN can be resent or marked delivered; this one is "
                                + status))
                .orElseGet(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such outbound message"));
    }
}
