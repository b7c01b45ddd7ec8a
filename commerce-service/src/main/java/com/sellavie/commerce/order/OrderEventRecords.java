package com.sellavie.commerce.order;

import com.sellavie.events.commerce.CheckoutLinkCreated;
import com.sellavie.events.commerce.CheckoutLinkFailed;
import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderExpired;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.commerce.OrderRefunded;
import com.sellavie.events.commerce.PaymentFailed;
import com.sellavie.schemas.EventMetadata;
import org.apache.avro.specific.SpecificRecord;

/** Domain events of an order -> their Avro contracts on {@code commerce.orders}. */
final class OrderEventRecords {

    private OrderEventRecords() {
    }

    static SpecificRecord toRecord(Order order, OrderEvent event) {
        return switch (event) {
            case OrderEvent.Placed placed -> OrderPlaced.newBuilder()
                    .setEventId(EventMetadata.newEventId()).setOccurredAt(placed.at())
                    .setBusinessId(order.businessId()).setCorrelationId(order.correlationId())
                    .setCausationId(placed.causationId()).setOrderId(order.id())
                    .setConversationId(order.conversationId()).setContactId(order.contactId())
                    .setItems(order.lines().stream().map(l -> com.sellavie.events.commerce.OrderLine.newBuilder()
                            .setSku(l.sku()).setName(l.name()).setQuantity(l.quantity())
                            .setUnitPriceMinor(l.unitPriceMinor()).build()).toList())
                    .setTotalMinor(order.totalMinor()).setCurrency(order.currency()).setProvider(order.provider())
                    .setOrigin(order.origin()).setReplyEventId(order.replyEventId()).build();
            case OrderEvent.LinkCreated created -> CheckoutLinkCreated.newBuilder()
                    .setEventId(EventMetadata.newEventId()).setOccurredAt(created.at())
                    .setBusinessId(order.businessId()).setCorrelationId(order.correlationId())
                    .setCausationId(created.causationId()).setOrderId(order.id())
                    .setConversationId(order.conversationId()).setProvider(order.provider())
                    .setReference(order.reference()).setCheckoutUrl(order.checkoutUrl())
                    .setTotalMinor(order.totalMinor()).setCurrency(order.currency()).build();
            case OrderEvent.LinkFailed failed -> CheckoutLinkFailed.newBuilder()
                    .setEventId(EventMetadata.newEventId()).setOccurredAt(failed.at())
                    .setBusinessId(order.businessId()).setCorrelationId(order.correlationId())
                    .setCausationId(failed.causationId()).setOrderId(order.id())
                    .setConversationId(order.conversationId()).setProvider(order.provider())
                    .setAttempts(failed.attempts()).setReason(failed.reason()).setDetail(failed.detail()).build();
            case OrderEvent.Paid paid -> OrderPaid.newBuilder()
                    .setEventId(EventMetadata.newEventId()).setOccurredAt(paid.at())
                    .setBusinessId(order.businessId()).setCorrelationId(order.correlationId())
                    .setCausationId(paid.causationId()).setOrderId(order.id())
                    .setConversationId(order.conversationId()).setContactId(order.contactId())
                    .setProvider(order.provider()).setReference(order.reference())
                    .setProviderTransactionId(paid.providerTransactionId()).setAmountMinor(paid.amountMinor())
                    .setCurrency(paid.currency()).setPaidAt(order.paidAt()).build();
            case OrderEvent.PaymentFailed failed -> PaymentFailed.newBuilder()
                    .setEventId(EventMetadata.newEventId()).setOccurredAt(failed.at())
                    .setBusinessId(order.businessId()).setCorrelationId(order.correlationId())
                    .setCausationId(failed.causationId()).setOrderId(order.id())
                    .setConversationId(order.conversationId()).setProvider(order.provider())
                    .setReference(order.reference()).setProviderTransactionId(failed.providerTransactionId())
                    .setReason(failed.reason()).build();
            case OrderEvent.Refunded refunded -> OrderRefunded.newBuilder()
                    .setEventId(EventMetadata.newEventId()).setOccurredAt(refunded.at())
                    .setBusinessId(order.businessId()).setCorrelationId(order.correlationId())
                    .setCausationId(refunded.causationId()).setOrderId(order.id())
                    .setConversationId(order.conversationId()).setProvider(order.provider())
                    .setReference(order.reference()).setAmountMinor(refunded.amountMinor())
                    .setCurrency(refunded.currency()).build();
            case OrderEvent.Expired expired -> OrderExpired.newBuilder()
                    .setEventId(EventMetadata.newEventId()).setOccurredAt(expired.at())
                    .setBusinessId(order.businessId()).setCorrelationId(order.correlationId())
                    .setCausationId(expired.causationId()).setOrderId(order.id())
                    .setConversationId(order.conversationId()).setPlacedAt(order.createdAt()).build();
            case OrderEvent.Cancelled cancelled -> OrderCancelled.newBuilder()
                    .setEventId(EventMetadata.newEventId()).setOccurredAt(cancelled.at())
                    .setBusinessId(order.businessId()).setCorrelationId(order.correlationId())
                    .setCausationId(cancelled.causationId()).setOrderId(order.id())
                    .setConversationId(order.conversationId()).setCancelledBy(cancelled.cancelledBy())
                    .setReason(cancelled.reason()).build();
        };
    }
}
