package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;
import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.messaging.CommentToAnswer;
import com.sellavie.conversation.messaging.Conversation;
import com.sellavie.conversation.messaging.Message;
import com.sellavie.conversation.messaging.MessageEvents;
import com.sellavie.conversation.messaging.MessageStore;
import com.sellavie.conversation.messaging.OutboundDraft;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database side of sending, each change with its events: a requested message (AI reply or
 * SYSTEM text) queued (or expired) in the listener's transaction, and a send's outcome, each in its
 * own transaction. Callers run as the message's business.
 */
@Component
class OutboundRecorder {

    static final String REPLAY_TOO_OLD = "REPLAY_TOO_OLD";
    /** A second reply to a comment that already has its private reply (Meta accepts one). */
    static final String COMMENT_ALREADY_ANSWERED = "COMMENT_ALREADY_ANSWERED";
    private static final Logger log = LoggerFactory.getLogger(OutboundRecorder.class);

    private final MessageStore store;
    private final OutboundQueue queue;
    private final ChannelDirectory channels;
    private final Outbox outbox;

    OutboundRecorder(MessageStore store, OutboundQueue queue, ChannelDirectory channels, Outbox outbox) {
        this.store = store;
        this.queue = queue;
        this.channels = channels;
        this.outbox = outbox;
    }

    /**
     * Records the request as an OUTBOUND message with its MessageRecorded, in the caller's transaction
     * (the one holding the inbox entry): PENDING and due now, or EXPIRED when {@code expired} (a
     * replayed request too old to send, then also announced as OutboundMessageFailed). The assistant's
     * answer to a customer's comment is that comment's private reply; a second one for the same comment
     * is recorded FAILED COMMENT_ALREADY_ANSWERED (announced too) and never queued.
     *
     * @return the message with its conversation and channel, or empty when there is nothing to send (an
     *         actions-only reply, or a duplicate)
     * @throws UnsendableRequestException when the business has no such conversation, or a request that
     *         must be sendable has a blank text or one too long for the channel
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Recorded> record(OutboundRequest request, boolean expired) {
        EventMetadata cause = request.cause();
        if (request.blank() && !request.mustBeSendable()) {
            log.info("{} has no text (actions only); nothing to send", request.description());
            return Optional.empty();
        }
        UUID businessId = cause.businessId();
        Conversation conversation = store.find(businessId, request.conversationId())
                .orElseThrow(() -> new UnsendableRequestException(request.description() + " names conversation "
                        + request.conversationId() + ", which business " + businessId + " does not have"));
        Channel channel = channels.find(businessId, conversation.channelId()).orElseThrow();
        if (request.mustBeSendable()) {
            refuseUnsendableText(request, conversation, channel);
        }
        Instant now = now();
        Optional<CommentToAnswer> comment = request.replyRequestId() == null ? Optional.empty()
                : store.commentAnsweredBy(businessId, request.replyRequestId());
        OutboundDraft draft = new OutboundDraft(businessId, conversation.id(), request.authorType(), request.text(),
                cause.eventId(), cause.correlationId(), now, request.answeredBy());
        String refusal = null;
        String refusalDetail = null;
        Optional<Message> message;
        if (expired) {
            refusal = REPLAY_TOO_OLD;
            refusalDetail = "Replayed from a dead letter " + cause.occurredAt() + "; too old to send";
            message = store.insertExpiredOutbound(draft, REPLAY_TOO_OLD);
        } else if (comment.isPresent()) {
            message = store.insertPendingPrivateReply(draft, comment.get());
            if (message.isEmpty() && !store.recordedFrom(businessId, cause.eventId())) {
                // Another reply already answers this comment: Meta would refuse a second one, so it is not queued.
                refusal = COMMENT_ALREADY_ANSWERED;
                refusalDetail = "Comment " + comment.get().commentId() + " already has its private reply";
                log.warn("{} for conversation {}: comment {} already has its private reply; recorded FAILED, not sent",
                        request.description(), conversation.id(), comment.get().commentId());
                message = store.insertFailedOutbound(draft, COMMENT_ALREADY_ANSWERED);
            }
        } else {
            message = store.insertPendingOutbound(draft);
        }
        if (message.isEmpty()) {
            return Optional.empty();
        }
        outbox.publish(MessageEvents.recorded(EventMetadata.causedBy(cause, now), message.get(), conversation, channel),
                conversation.id().toString());
        if (refusal != null) {
            outbox.publish(failed(EventMetadata.causedBy(cause, now), message.get().id(), conversation, channel, 0,
                    refusal, null, refusalDetail), conversation.id().toString());
        }
        return Optional.of(new Recorded(message.get(), conversation, channel));
    }

    /** A message recorded for a request, with what a send of it needs besides the row. */
    record Recorded(Message message, Conversation conversation, Channel channel) {
    }

    private static void refuseUnsendableText(OutboundRequest request, Conversation conversation, Channel channel) {
        if (request.blank()) {
            throw new UnsendableRequestException(request.description() + " for conversation " + conversation.id()
                    + " has no text to send");
        }
        ChannelTextLimit.violation(channel.type(), request.text()).ifPresent(violation -> {
            throw new UnsendableRequestException(request.description() + " for conversation " + conversation.id()
                    + " cannot be sent: " + violation);
        });
    }

    /** Meta accepted: SENT with Meta's id and OutboundMessageSent, unless an earlier record already did it. */
    @Transactional
    public boolean recordSent(ClaimedSend send, String externalMessageId, int attempts) {
        if (queue.markSent(send.businessId(), send.messageId(), externalMessageId) != 1) {
            return false;
        }
        publishSent(send.outcomeMetadata(now()), send.messageId(), send.conversation(), send.channel(),
                externalMessageId, attempts);
        return true;
    }

    /** A team member says an UNKNOWN message did reach the customer: OutboundMessageSent without a Meta id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void announceMarkedDelivered(ClaimedSend send) {
        publishSent(send.outcomeMetadata(now()), send.messageId(), send.conversation(), send.channel(), null,
                send.attempts());
    }

    @Transactional
    public boolean recordFailed(ClaimedSend send, int attempts, String reason, String code, String detail) {
        if (queue.markFailed(send.businessId(), send.messageId(), reason, code) != 1) {
            return false;
        }
        outbox.publish(failed(send.outcomeMetadata(now()), send.messageId(), send.conversation(), send.channel(),
                attempts, reason, code, detail), send.conversation().id().toString());
        return true;
    }

    private void publishSent(EventMetadata meta, UUID messageId, Conversation conversation, Channel channel,
            String externalMessageId, int attempts) {
        outbox.publish(OutboundMessageSent.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(conversation.id())
                .setMessageId(messageId)
                .setChannelId(channel.id())
                .setRecipient(conversation.contactExternalId())
                .setExternalMessageId(externalMessageId == null ? "" : externalMessageId)
                .setAttempts(attempts)
                .build(), conversation.id().toString());
    }

    private static OutboundMessageFailed failed(EventMetadata meta, UUID messageId, Conversation conversation,
            Channel channel, int attempts, String reason, String code, String detail) {
        return OutboundMessageFailed.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(conversation.id())
                .setMessageId(messageId)
                .setChannelId(channel.id())
                .setRecipient(conversation.contactExternalId())
                .setAttempts(attempts)
                .setReason(reason)
                .setCode(code)
                .setDetail(detail)
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
