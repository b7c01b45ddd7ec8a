package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;
import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.messaging.Conversation;
import com.sellavie.conversation.messaging.Message;
import com.sellavie.conversation.messaging.MessageEvents;
import com.sellavie.conversation.messaging.MessageStore;
import com.sellavie.events.ai.ReplyGenerated;
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

/** The database side of a send: the PENDING record before the call, and the outcome after it, each with its events. */
@Component
class OutboundRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutboundRecorder.class);

    private final MessageStore store;
    private final ChannelDirectory channels;
    private final Outbox outbox;

    OutboundRecorder(MessageStore store, ChannelDirectory channels, Outbox outbox) {
        this.store = store;
        this.channels = channels;
        this.outbox = outbox;
    }

    /**
     * Records the reply as an OUTBOUND message, PENDING, with its MessageRecorded, in the caller's
     * transaction (the one holding the inbox entry).
     *
     * @return what to send, or empty when there is nothing to send (an actions-only reply, or a duplicate)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<PendingSend> recordPending(ReplyGenerated reply) {
        EventMetadata cause = EventMetadata.of(reply);
        if (reply.getText() == null || reply.getText().isBlank()) {
            log.info("Reply {} carries only actions ({}); nothing to send", cause.eventId(), reply.getActions().size());
            return Optional.empty();
        }
        UUID businessId = cause.businessId();
        Conversation conversation = store.find(businessId, reply.getConversationId())
                .orElseThrow(() -> new IllegalStateException("Reply " + cause.eventId() + " names conversation "
                        + reply.getConversationId() + ", which this business does not have"));
        Channel channel = channels.find(businessId, conversation.channelId()).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Optional<Message> pending = store.insertPendingOutbound(businessId, conversation.id(), "ASSISTANT",
                reply.getText(), cause.eventId(), now);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        store.touch(businessId, conversation.id(), now);
        outbox.publish(MessageEvents.recorded(EventMetadata.causedBy(cause, now), pending.get(), conversation, channel),
                conversation.id().toString());
        return Optional.of(new PendingSend(pending.get(), conversation, channel, cause));
    }

    @Transactional
    public void recordSent(PendingSend send, String externalMessageId, int attempts) {
        store.markSent(send.message().businessId(), send.message().id(), externalMessageId, attempts);
        EventMetadata meta = EventMetadata.causedBy(send.cause(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        outbox.publish(OutboundMessageSent.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(send.conversation().id())
                .setMessageId(send.message().id())
                .setChannelId(send.channel().id())
                .setRecipient(send.conversation().contactExternalId())
                .setExternalMessageId(externalMessageId == null ? "" : externalMessageId)
                .setAttempts(attempts)
                .build(), send.conversation().id().toString());
    }

    @Transactional
    public void recordFailed(PendingSend send, int attempts, String reason, String code, String detail) {
        store.markFailed(send.message().businessId(), send.message().id(), attempts, reason, code);
        EventMetadata meta = EventMetadata.causedBy(send.cause(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        outbox.publish(OutboundMessageFailed.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(send.conversation().id())
                .setMessageId(send.message().id())
                .setChannelId(send.channel().id())
                .setRecipient(send.conversation().contactExternalId())
                .setAttempts(attempts)
                .setReason(reason)
                .setCode(code)
                .setDetail(detail)
                .build(), send.conversation().id().toString());
    }

    @Transactional
    public void recordUnknown(PendingSend send, int attempts, String reason) {
        store.markUnknown(send.message().businessId(), send.message().id(), attempts, reason);
    }
}
