package com.sellavie.platform.inbox;

import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a record's effect at most once per consumer group: in one transaction, the inbox entry
 * and the effect. For listeners that do not manage their own transaction:
 *
 * <pre>{@code
 * @KafkaListener(topics = "commerce.orders")
 * void on(ConsumerRecord<String, OrderPaid> record) {
 *     handler.handleOnce(record, paid -> receipts.send(paid));
 * }
 * }</pre>
 */
public class IdempotentEventHandler {

    private final Inbox inbox;
    private final TransactionTemplate transaction;

    public IdempotentEventHandler(Inbox inbox, TransactionTemplate transaction) {
        this.inbox = inbox;
        this.transaction = transaction;
    }

    /**
     * Applies {@code effect} to the record's value unless the listener's consumer group already did.
     *
     * @return whether the effect ran
     */
    public <T> boolean handleOnce(ConsumerRecord<?, T> record, Consumer<? super T> effect) {
        String group = KafkaUtils.getConsumerGroupId();
        if (group == null) {
            throw new IllegalStateException("No consumer group on this thread: call handleOnce from a Kafka listener, "
                    + "or name the group with handleOnce(group, eventId, effect)");
        }
        T value = record.value();
        return handleOnce(group, EventIds.of(record), () -> effect.accept(value));
    }

    /** Runs {@code effect} unless {@code consumerGroup} already applied {@code eventId}. */
    public boolean handleOnce(String consumerGroup, UUID eventId, Runnable effect) {
        Boolean applied = transaction.execute(status -> {
            if (!inbox.firstDelivery(consumerGroup, eventId)) {
                return false;
            }
            effect.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }
}
