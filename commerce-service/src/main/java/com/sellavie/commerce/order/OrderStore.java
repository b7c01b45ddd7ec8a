package com.sellavie.commerce.order;

import com.sellavie.platform.outbox.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves an order and hands the events of its changes to the outbox, in the caller's transaction: the
 * one way an order's state change is written, so no change goes unpublished.
 */
@Component
public class OrderStore {

    private final Orders orders;
    private final Outbox outbox;

    OrderStore(Orders orders, Outbox outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Order save(Order order) {
        var events = order.pendingEvents();
        Order saved = orders.save(order);
        for (OrderEvent event : events) {
            outbox.publish(OrderEventRecords.toRecord(saved, event), saved.id().toString());
        }
        return saved;
    }
}
