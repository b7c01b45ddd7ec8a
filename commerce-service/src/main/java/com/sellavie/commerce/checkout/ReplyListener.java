package com.sellavie.commerce.checkout;

import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code ai.replies} (group commerce-service): the reply's commerce actions are applied once (inbox)
 * in one short transaction with only database work; the provider is called later by the
 * {@link CheckoutScheduler}, never on this thread.
 */
@Component
class ReplyListener {

    private final IdempotentEventHandler handler;
    private final ReplyActions actions;
    private final CheckoutScheduler scheduler;

    ReplyListener(IdempotentEventHandler handler, ReplyActions actions, CheckoutScheduler scheduler) {
        this.handler = handler;
        this.actions = actions;
        this.scheduler = scheduler;
    }

    @KafkaListener(topics = "ai.replies", groupId = "commerce-service",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, ReplyGenerated> record) {
        if (record.value().getActions().isEmpty()) {
            return;
        }
        AtomicBoolean placed = new AtomicBoolean();
        handler.handleOnce(record, reply -> placed.set(actions.handle(reply)));
        if (placed.get()) {
            scheduler.wakeUp();
        }
    }
}
