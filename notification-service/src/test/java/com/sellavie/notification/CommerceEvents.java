package com.sellavie.notification;

import com.sellavie.events.commerce.CheckoutLinkCreated;
import com.sellavie.events.commerce.CheckoutLinkFailed;
import com.sellavie.events.commerce.CheckoutRejected;
import com.sellavie.events.commerce.InvoiceIssued;
import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderExpired;
import com.sellavie.events.commerce.OrderLine;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.commerce.OrderRefunded;
import com.sellavie.events.commerce.PaymentDiscrepancyRecorded;
import com.sellavie.events.commerce.PaymentFailed;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * commerce.orders events as commerce-service publishes them (relay headers, Confluent wire format
 * through the real registry), for one order of one business, each with a fresh eventId.
 */
public final class CommerceEvents {

    private static final String TOPIC = Topics.COMMERCE_ORDERS.name();

    private CommerceEvents() {
    }

    public static OrderPaid orderPaid(UUID business, UUID order, long amountMinor, String currency) {
        EventMetadata m = metadata(business);
        return OrderPaid.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(business)
                .setCorrelationId(m.correlationId()).setOrderId(order).setConversationId(UUID.randomUUID())
                .setContactId(UUID.randomUUID()).setProvider("PAYSTACK").setReference(reference(order))
                .setProviderTransactionId("4099260516").setAmountMinor(amountMinor).setCurrency(currency)
                .setPaidAt(Instant.now()).build();
    }

    public static CheckoutRejected checkoutRejected(UUID business, UUID conversation, String reason, String detail) {
        EventMetadata m = metadata(business);
        return CheckoutRejected.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setConversationId(conversation)
                .setReplyEventId(EventMetadata.newEventId().toString()).setReason(reason).setDetail(detail).build();
    }

    public static CheckoutLinkFailed checkoutLinkFailed(UUID business, UUID order, String detail) {
        EventMetadata m = metadata(business);
        return CheckoutLinkFailed.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setOrderId(order)
                .setProvider("STRIPE").setAttempts(3).setReason("PROVIDER_REFUSED").setDetail(detail).build();
    }

    public static PaymentFailed paymentFailed(UUID business, UUID order, String reason) {
        EventMetadata m = metadata(business);
        return PaymentFailed.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setOrderId(order)
                .setProvider("FLUTTERWAVE").setReference(reference(order)).setReason(reason).build();
    }

    public static PaymentDiscrepancyRecorded amountMismatch(UUID business, UUID order, long expected, long received) {
        EventMetadata m = metadata(business);
        return PaymentDiscrepancyRecorded.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setDiscrepancyId(UUID.randomUUID())
                .setOrderId(order).setProvider("PAYSTACK").setProviderEventId("charge.success:4099260516")
                .setReference(reference(order)).setKind("AMOUNT_MISMATCH").setExpectedAmountMinor(expected)
                .setReceivedAmountMinor(received).setCurrency("NGN").build();
    }

    public static OrderRefunded orderRefunded(UUID business, UUID order, long amountMinor, String currency) {
        EventMetadata m = metadata(business);
        return OrderRefunded.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setOrderId(order)
                .setProvider("PAYSTACK").setReference(reference(order)).setAmountMinor(amountMinor)
                .setCurrency(currency).build();
    }

    /** The five routine events of one order's life: placed, link sent, invoice issued, expired, cancelled. */
    public static List<SpecificRecord> routine(UUID business, UUID order) {
        EventMetadata m = metadata(business);
        OrderPlaced placed = OrderPlaced.newBuilder().setEventId(EventMetadata.newEventId())
                .setOccurredAt(m.occurredAt()).setBusinessId(business).setCorrelationId(m.correlationId())
                .setOrderId(order).setItems(List.of(new OrderLine("linen-shirt", "Linen shirt", 2, 2_500_000L)))
                .setTotalMinor(5_000_000L).setCurrency("NGN").setProvider("PAYSTACK").setOrigin("ASSISTANT")
                .build();
        CheckoutLinkCreated link = CheckoutLinkCreated.newBuilder().setEventId(EventMetadata.newEventId())
                .setOccurredAt(m.occurredAt()).setBusinessId(business).setCorrelationId(m.correlationId())
                .setOrderId(order).setProvider("PAYSTACK").setReference(reference(order))
                .setCheckoutUrl("https://checkout.paystack.com/0peioxfhpn").setTotalMinor(5_000_000L)
                .setCurrency("NGN").build();
        InvoiceIssued invoice = InvoiceIssued.newBuilder().setEventId(EventMetadata.newEventId())
                .setOccurredAt(m.occurredAt()).setBusinessId(business).setCorrelationId(m.correlationId())
                .setOrderId(order).setInvoiceId(UUID.randomUUID()).setNumber("INV-2026-000042")
                .setTotalMinor(5_000_000L).setCurrency("NGN").build();
        OrderExpired expired = OrderExpired.newBuilder().setEventId(EventMetadata.newEventId())
                .setOccurredAt(m.occurredAt()).setBusinessId(business).setCorrelationId(m.correlationId())
                .setOrderId(order).setPlacedAt(m.occurredAt()).build();
        OrderCancelled cancelled = OrderCancelled.newBuilder().setEventId(EventMetadata.newEventId())
                .setOccurredAt(m.occurredAt()).setBusinessId(business).setCorrelationId(m.correlationId())
                .setOrderId(order).setCancelledBy("team").setReason("customer changed their mind").build();
        return List.of(placed, link, invoice, expired, cancelled);
    }

    /** Paystack's and Flutterwave's reference for an order (commerce's rule). */
    public static String reference(UUID order) {
        return "SLV-" + order.toString().replace("-", "").toUpperCase();
    }

    /** Publishes {@code event} keyed {@code key} with the relay's headers (tenant = the event's business). */
    public static void publish(SpecificRecord event, String key) {
        publish(event, key, EventMetadata.of(event).businessId().toString());
    }

    public static void publish(SpecificRecord event, String key, String businessIdHeader) {
        RelayedEvents.publish(TOPIC, key, event, businessIdHeader);
    }

    private static EventMetadata metadata(UUID business) {
        return EventMetadata.startOfJourney(business, Instant.now());
    }

    /** The broker and registry clients, started on the first publish only. */
}
