package com.sellavie.conversation.reply;

import com.sellavie.conversation.channel.Channel;
import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.handoff.ConversationModes;
import com.sellavie.conversation.messaging.Conversation;
import com.sellavie.conversation.messaging.Message;
import com.sellavie.conversation.messaging.MessageStore;
import com.sellavie.conversation.outbound.ChannelTextLimit;
import com.sellavie.conversation.outbound.TeamReplyQueue;
import com.sellavie.conversation.outbound.TeamReplyQueue.TeamReply;
import com.sellavie.conversation.outbound.TemplateMessage;
import com.sellavie.conversation.window.CustomerActivity;
import com.sellavie.conversation.window.MessagingWindows;
import com.sellavie.conversation.window.MessagingWindows.Author;
import com.sellavie.conversation.window.WindowDecision;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A member's reply: checked (the business's conversation, content fit for its channel, Meta's window
 * for a person), then queued. Nothing is stored when a check fails. A retried request with the same
 * Idempotency-Key answers the message it already queued (422 IDEMPOTENCY_KEY_REUSED when its text differs).
 * A person answering takes the conversation over (in the same transaction): a BOT or CLOSED
 * conversation becomes HUMAN, assigned to them, so the assistant does not talk over them; one already
 * HUMAN keeps its assignee.
 */
@Component
class TeamReplies {

    private static final Logger log = LoggerFactory.getLogger(TeamReplies.class);

    private final MessageStore store;
    private final ChannelDirectory channels;
    private final CustomerActivity activity;
    private final TeamReplyQueue queue;
    private final ConversationModes modes;

    TeamReplies(MessageStore store, ChannelDirectory channels, CustomerActivity activity, TeamReplyQueue queue,
            ConversationModes modes) {
        this.store = store;
        this.channels = channels;
        this.activity = activity;
        this.queue = queue;
        this.modes = modes;
    }

    /**
     * The first message queued for a reply (the text, when a text and an image go as two) with the image
     * and the template it carries (null when none).
     */
    record QueuedReply(Message message, String imageUrl, TemplateMessage template) {
    }

    @Transactional
    QueuedReply reply(UUID businessId, UUID conversationId, String memberId, TeamReplyRequest request,
            String idempotencyKey) {
        Conversation conversation = store.find(businessId, conversationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such conversation"));
        Channel channel = channels.find(businessId, conversation.channelId()).orElseThrow();
        TeamReply reply = new TeamReply(businessId, memberId, request.hasText() ? request.text() : null,
                request.imageUrl(), template(request), idempotencyKey);
        boolean imageApart = reply.text() != null && reply.imageUrl() != null && !"WHATSAPP".equals(channel.type());
        String firstImage = imageApart ? null : reply.imageUrl();
        Optional<Message> repeat = queue.alreadyQueued(reply, conversation);
        if (repeat.isPresent()) {
            if (!Objects.equals(repeat.get().text(), reply.text())) {
                throw ReplyRefusedException.unsendable("IDEMPOTENCY_KEY_REUSED", null,
                        "This Idempotency-Key already sent another reply in this conversation");
            }
            return new QueuedReply(repeat.get(), firstImage, reply.template());
        }
        checkContent(request, channel);
        WindowDecision window = MessagingWindows.decide(channel.type(), Author.MEMBER, reply.template() != null,
                activity.lastCustomerMessageAt(businessId, conversationId), Instant.now());
        if (!window.allowed()) {
            throw ReplyRefusedException.unsendable(WindowDecision.OUTSIDE_MESSAGING_WINDOW, window.alternative(),
                    window.alternative() == null
                            ? "The customer last wrote too long ago for any reply on " + channel.type()
                            : "Outside the 24-hour customer service window only an approved template can be sent");
        }
        Message first = queue.queue(reply, conversation, channel).getFirst();
        if (!"HUMAN".equals(conversation.mode())) {
            modes.takeOver(businessId, conversationId, UUID.fromString(memberId));
        }
        log.info("Team member {} replied in conversation {} (business {}): message {} queued ({})", memberId,
                conversationId, businessId, first.id(), window.allowance());
        return new QueuedReply(first, firstImage, reply.template());
    }

    private static void checkContent(TeamReplyRequest request, Channel channel) {
        if (request.template() != null) {
            if (request.hasText() || request.imageUrl() != null) {
                throw ReplyRefusedException.invalid("template", "send either a template or a text and image");
            }
            if (!"WHATSAPP".equals(channel.type())) {
                throw ReplyRefusedException.unsendable("TEMPLATE_NOT_SUPPORTED", null,
                        "Templates can be sent on WhatsApp channels only; this conversation is on " + channel.type());
            }
            return;
        }
        if (!request.hasText() && request.imageUrl() == null) {
            throw ReplyRefusedException.invalid("text", "must not be blank (or send an imageUrl or a template)");
        }
        if (request.hasText()) {
            ChannelTextLimit.violation(channel.type(), request.text())
                    .ifPresent(violation -> {
                        throw ReplyRefusedException.invalid("text", violation);
                    });
        }
    }

    private static TemplateMessage template(TeamReplyRequest request) {
        TeamReplyRequest.Template template = request.template();
        return template == null ? null : new TemplateMessage(template.name(), template.language(), template.parameters());
    }
}
