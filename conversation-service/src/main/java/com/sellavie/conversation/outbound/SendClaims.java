package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.messaging.MessageStore;
import com.sellavie.conversation.outbound.OutboundQueue.QueuedMessage;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lease steps of a send, each its own commit, run as the message's business: claim, release (not
 * attempted), reschedule (refused, try later), UNKNOWN. ATTEMPTING, just before the call, is
 * {@link SendPreparation}'s.
 */
@Component
class SendClaims {

    private final OutboundQueue queue;
    private final MessageStore store;
    private final ChannelDirectory channels;
    private final Tenancy tenancy;
    private final TransactionTemplate transaction;

    SendClaims(OutboundQueue queue, MessageStore store, ChannelDirectory channels, Tenancy tenancy,
            TransactionTemplate transaction) {
        this.queue = queue;
        this.store = store;
        this.channels = channels;
        this.tenancy = tenancy;
        this.transaction = transaction;
    }

    /** Claims a due message for {@code owner}; empty when someone else got it or it is no longer due. */
    Optional<ClaimedSend> claim(QueuedMessage due, String owner, Duration lease) {
        UUID businessId = due.businessId();
        return inTransaction(businessId, () -> queue.claim(businessId, due.messageId(), owner, lease)
                .flatMap(conversationId -> store.find(businessId, conversationId))
                .flatMap(conversation -> channels.find(businessId, conversation.channelId())
                        .flatMap(channel -> queue.claimed(businessId, due.messageId())
                                .map(c -> new ClaimedSend(businessId, due.messageId(), conversation, channel, c.text(),
                                        c.sourceEventId(), c.correlationId(), c.attempts(),
                                        c.authorType(), c.imageUrl(), c.template(), c.privateReply(),
                                        c.traceparent())))));
    }

    boolean release(ClaimedSend send, String owner) {
        return inTransaction(send.businessId(), () -> queue.release(send.businessId(), send.messageId(), owner)) == 1;
    }

    boolean reschedule(ClaimedSend send, String owner, Duration backoff, String reason, String code) {
        return inTransaction(send.businessId(), () -> queue.reschedule(send.businessId(), send.messageId(), owner,
                backoff, reason, code)) == 1;
    }

    boolean markUnknown(ClaimedSend send, String reason) {
        return inTransaction(send.businessId(), () -> queue.markUnknown(send.businessId(), send.messageId(),
                reason)) == 1;
    }

    /** @return the reason recorded, when the message was still an interrupted send */
    Optional<String> markInterrupted(QueuedMessage message) {
        return inTransaction(message.businessId(), () -> queue.markInterrupted(message.businessId(),
                message.messageId()));
    }

    private <T> T inTransaction(UUID businessId, Supplier<T> work) {
        return tenancy.callAs(businessId, () -> transaction.execute(status -> work.get()));
    }
}
