package com.sellavie.ai.messaging.inbound;

import com.sellavie.ai.orders.OrderUpdates;
import com.sellavie.events.commerce.CheckoutLinkCreated;
import com.sellavie.events.commerce.CheckoutLinkFailed;
import com.sellavie.events.commerce.CheckoutRejected;
import com.sellavie.events.commerce.InvoiceIssued;
import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderExpired;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.commerce.OrderRefunded;
import com.sellavie.events.commerce.PaymentDiscrepancyRecorded;
import com.sellavie.events.commerce.PaymentFailed;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * commerce.orders: each customer's orders and where they stand, for the assistant's prompt, each event
 * applied once (platform inbox) as the tenant its businessId header names. Events that do not change an
 * order's status are known and skipped; an unknown or undecodable one fails into the dead-letter topic.
 */
@Component
class OrderEventsListener {

    private final IdempotentEventHandler handler;
    private final OrderUpdates updates;

    OrderEventsListener(IdempotentEventHandler handler, OrderUpdates updates) {
        this.handler = handler;
        this.updates = updates;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).COMMERCE_ORDERS.name()}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        handler.handleOnce(record, event -> {
            switch (event) {
                case OrderPlaced placed -> updates.apply(placed);
                case OrderPaid paid -> updates.apply(paid);
                case PaymentFailed failed -> updates.apply(failed);
                case OrderCancelled cancelled -> updates.apply(cancelled);
                case OrderExpired expired -> updates.apply(expired);
                case OrderRefunded refunded -> updates.apply(refunded);
                // the order's status is unchanged by these (a link on its way, an invoice, a reconciliation note)
                case CheckoutLinkCreated ignored -> { }
                case CheckoutLinkFailed ignored -> { }
                case InvoiceIssued ignored -> { }
                case CheckoutRejected ignored -> { }
                case PaymentDiscrepancyRecorded ignored -> { }
                default -> throw new IllegalArgumentException("Unexpected event on commerce.orders: "
                        + event.getSchema().getFullName());
            }
        });
    }
}
