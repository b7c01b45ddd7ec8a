package com.sellavie.conversation.outbound;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.conversation.channel.Channel;
import com.sellavie.conversation.messaging.Conversation;
import com.sellavie.conversation.messaging.Message;
import com.sellavie.conversation.messaging.MessageEvents;
import com.sellavie.conversation.messaging.MessageStore;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues a team member's reply in the outbound queue, where the scheduler sends it like any other
 * message (claims, ATTEMPTING before the call, UNKNOWN on no answer, retries, window at send time).
 * In one transaction: the MEMBER message(s) PENDING and each one's MessageRecorded; then the scheduler
 * is woken. On Instagram and Messenger a message carries a text or an image, never both, so a reply
 * with both becomes two messages, the text first (sent in that order, each exactly once).
 *
 * <p>Idempotency: with an {@code Idempotency-Key} each message's source id is derived from (business,
 * conversation, member, key, part), so a retried POST finds the messages already queued and queues
 * nothing; without one each POST is a new reply. The caller runs as the member's business.
 */
@Component
public class TeamReplyQueue {

    private final OutboundQueue queue;
    private final MessageStore store;
    private final Outbox outbox;
    private final SendScheduler scheduler;
    private final TransactionTemplate transaction;

    TeamReplyQueue(OutboundQueue queue, MessageStore store, Outbox outbox, SendScheduler scheduler,
            TransactionTemplate transaction) {
        this.queue = queue;
        this.store = store;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.transaction = transaction;
    }

    /**
     * A member's reply.
     *
     * @param idempotencyKey the client's {@code Idempotency-Key}; null when it sent none
     */
    public record TeamReply(UUID businessId, String memberId, String text, String imageUrl, TemplateMessage template,
            String idempotencyKey) {
    }

    /** The message a reply with this idempotency key already queued (its first one), if any. */
    public Optional<Message> alreadyQueued(TeamReply reply, Conversation conversation) {
        if (reply.idempotencyKey() == null) {
            return Optional.empty();
        }
        return queue.bySourceId(reply.businessId(), sourceId(reply, conversation, 0))
                .flatMap(id -> store.findMessage(reply.businessId(), id));
    }

    /** @return the messages queued for the reply, in sending order (those already there for a repeat) */
    public List<Message> queue(TeamReply reply, Conversation conversation, Channel channel) {
        List<Message> messages = transaction.execute(status -> record(reply, conversation, channel));
        scheduler.wake();
        return messages;
    }

    private List<Message> record(TeamReply reply, Conversation conversation, Channel channel) {
        List<Part> parts = parts(reply, channel);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID firstSource = sourceId(reply, conversation, 0);
        EventMetadata journey = new EventMetadata(EventMetadata.newEventId(), now, reply.businessId(),
                firstSource.toString(), null);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            UUID source = i == 0 ? firstSource : sourceId(reply, conversation, i);
            Optional<UUID> inserted = queue.insertMemberMessage(reply.businessId(), conversation.id(),
                    reply.memberId(), part.text(), part.imageUrl(), reply.template(), source,
                    journey.correlationId(), now.plusMillis(i));
            UUID id = inserted.or(() -> queue.bySourceId(reply.businessId(), source)).orElseThrow();
            Message message = store.findMessage(reply.businessId(), id).orElseThrow();
            if (inserted.isPresent()) {
                EventMetadata meta = i == 0 ? journey : EventMetadata.causedBy(journey, now);
                outbox.publish(MessageEvents.recorded(meta, message, conversation, channel),
                        conversation.id().toString());
            }
            messages.add(message);
        }
        store.touch(reply.businessId(), conversation.id(), now);
        return messages;
    }

    private static List<Part> parts(TeamReply reply, Channel channel) {
        boolean both = reply.text() != null && reply.imageUrl() != null;
        if (both && !"WHATSAPP".equals(channel.type())) {
            return List.of(new Part(reply.text(), null), new Part(null, reply.imageUrl()));
        }
        return List.of(new Part(reply.text(), reply.imageUrl()));
    }

    private static UUID sourceId(TeamReply reply, Conversation conversation, int part) {
        if (reply.idempotencyKey() == null) {
            return UuidCreator.getTimeOrderedEpoch();
        }
        return UUID.nameUUIDFromBytes(("team-reply|" + reply.businessId() + "|" + conversation.id() + "|"
                + reply.memberId() + "|" + reply.idempotencyKey() + "|" + part).getBytes(StandardCharsets.UTF_8));
    }

    private record Part(String text, String imageUrl) {
    }
}
