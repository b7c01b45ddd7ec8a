package com.sellavie.conversation.inbound;

import com.sellavie.conversation.channel.Channel;
import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.comment.CommentSettingsStore;
import com.sellavie.conversation.handoff.ConversationModes;
import com.sellavie.conversation.handoff.Mode;
import com.sellavie.conversation.messaging.Conversation;
import com.sellavie.conversation.messaging.Message;
import com.sellavie.conversation.messaging.MessageEvents;
import com.sellavie.conversation.messaging.MessageStore;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.conversation.ReplyRequestedHistoryMessage;
import com.sellavie.events.ingest.InboundComment;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one inbound message: contact, conversation, message (once per Meta message id), then
 * MessageRecorded; the handoff rules see the message (a CLOSED conversation reopens, a keyword hands
 * it to a person) and only a conversation still in BOT mode gets a ReplyRequested with the recent
 * history. A public comment is recorded as a COMMENT that leaves the messaging window as it was, and
 * asks for a reply (its private reply) only when the business answers comments. All in the caller's
 * transaction, with its inbox entry.
 */
@Component
class InboundMessageRecorder {

    private static final Logger log = LoggerFactory.getLogger(InboundMessageRecorder.class);

    private final ChannelDirectory channels;
    private final MessageStore store;
    private final Outbox outbox;
    private final ConversationModes modes;
    private final ReactionRecorder reactions;
    private final CommentSettingsStore commentSettings;
    private final int historySize;

    InboundMessageRecorder(ChannelDirectory channels, MessageStore store, Outbox outbox, ConversationModes modes,
            ReactionRecorder reactions, CommentSettingsStore commentSettings,
            @Value("${sellavie.conversation.history-size:10}") int historySize) {
        this.channels = channels;
        this.store = store;
        this.outbox = outbox;
        this.modes = modes;
        this.reactions = reactions;
        this.commentSettings = commentSettings;
        this.historySize = historySize;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(InboundMessageReceived event) {
        EventMetadata cause = EventMetadata.of(event);
        UUID businessId = cause.businessId();
        if (event.getReaction() != null) {
            reactions.record(businessId, event);
            return;
        }
        Channel channel = channel(businessId, event);
        Conversation conversation = store.upsertContactConversation(businessId, channel.id(),
                event.getSenderExternalId(), event.getSenderName(), event.getSentAt(), channel.contactsHaveProfiles());
        InboundComment comment = event.getComment();
        Optional<Message> recorded = comment == null
                ? store.insertInbound(businessId, conversation.id(), InboundContent.storedText(event),
                        InboundContent.attachmentsJson(event), event.getExternalMessageId(), event.getSentAt())
                : store.insertComment(businessId, conversation.id(), event.getText(), comment.getCommentId(),
                        comment.getPostId(), comment.getParentId(), event.getSentAt());
        if (recorded.isEmpty()) {
            // Meta delivered the same message again (a webhook retry that ingest published anew).
            log.info("Inbound message {} already recorded; nothing to do", event.getExternalMessageId());
            return;
        }
        Message message = recorded.get();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        outbox.publish(MessageEvents.recorded(EventMetadata.causedBy(cause, now), message, conversation, channel),
                conversation.id().toString());
        if (comment != null && !commentSettings.find(businessId).privateReplies()) {
            return; // recorded and shown; the business answers comments itself
        }
        // Under the conversation's row lock (the upsert took it), after this message's own effect (reopen,
        // keyword handoff): a keyword message itself gets no reply, and neither does one arriving while a
        // person has it.
        Mode mode = modes.customerWrote(businessId, conversation.id(), Mode.valueOf(conversation.mode()),
                message.text(), cause);
        if (mode == Mode.BOT) {
            ReplyRequested request = replyRequested(EventMetadata.causedBy(cause, now), conversation, channel, message,
                    InboundContent.triggerText(event));
            if (comment != null) {
                store.commentAskedForReply(businessId, message.id(), request.getEventId());
            }
            outbox.publish(request, conversation.id().toString());
        }
    }

    /**
     * The channel the message came in on. The sandbox's is made on its first message; ingest names it after
     * the member's own business, so any other sandbox id is refused like an unknown channel.
     */
    private Channel channel(UUID businessId, InboundMessageReceived event) {
        if (Channel.SANDBOX.equals(event.getChannelType())) {
            if (!Channel.sandboxExternalId(businessId).equals(event.getChannelExternalId())) {
                throw new UnknownChannelException(event.getChannelType(), event.getChannelExternalId());
            }
            return channels.sandbox(businessId);
        }
        return channels.findByExternalId(businessId, event.getChannelType(), event.getChannelExternalId())
                .orElseThrow(() -> new UnknownChannelException(event.getChannelType(), event.getChannelExternalId()));
    }

    private ReplyRequested replyRequested(EventMetadata meta, Conversation conversation, Channel channel,
            Message trigger, String triggerText) {
        List<ReplyRequestedHistoryMessage> history = store.historyBefore(trigger, historySize).stream()
                .map(m -> ReplyRequestedHistoryMessage.newBuilder()
                        .setDirection(m.direction()).setText(m.text()).setSentAt(m.sentAt()).build())
                .toList();
        return ReplyRequested.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(meta.occurredAt())
                .setBusinessId(meta.businessId())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setConversationId(conversation.id())
                // Who the customer is, so an order born from the reply belongs to them (commerce).
                .setContactId(conversation.contactId())
                .setChannelType(channel.type())
                .setTriggerMessageId(trigger.id())
                .setTriggerText(triggerText)
                .setHistory(history)
                .build();
    }
}
