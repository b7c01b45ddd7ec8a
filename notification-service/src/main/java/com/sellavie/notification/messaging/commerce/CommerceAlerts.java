package com.sellavie.notification.messaging.commerce;

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
import com.sellavie.notification.feed.NotificationDraft;
import com.sellavie.notification.feed.NotificationKind;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which commerce events become a notification for the team, and its wording. One notification per
 * event; its reference is the order id, so the feed keeps one of each kind per order (the conversation
 * and the refused reply for a rejected checkout, the discrepancy id for a payment that matched no order).
 */
final class CommerceAlerts {

    /**
     * Routine steps of an order's life, consumed and acknowledged without a notification: the Orders
     * page shows them, and a bell for every placed order, link sent or invoice numbered would bury the
     * alerts that need someone (a failed link, a discrepancy). The team hears about the payment itself.
     */
    static final Set<Class<? extends SpecificRecord>> ACKNOWLEDGED_WITHOUT_ALERT = Set.of(OrderPlaced.class,
            CheckoutLinkCreated.class, OrderExpired.class, OrderCancelled.class, InvoiceIssued.class);

    private CommerceAlerts() {
    }

    /** The notification for an alerting event; empty for any other event. */
    static Optional<NotificationDraft> of(SpecificRecord event) {
        return Optional.ofNullable(switch (event) {
            case OrderPaid paid -> paid(paid);
            case CheckoutRejected rejected -> rejected(rejected);
            case CheckoutLinkFailed failed -> linkFailed(failed);
            case PaymentFailed failed -> paymentFailed(failed);
            case PaymentDiscrepancyRecorded discrepancy -> discrepancy(discrepancy);
            case OrderRefunded refunded -> refunded(refunded);
            default -> null;
        });
    }

    static NotificationDraft paid(OrderPaid event) {
        return new NotificationDraft(NotificationKind.ORDER_PAID,
                "Order paid: " + Money.format(event.getAmountMinor(), event.getCurrency()),
                "Paid through " + AlertText.provider(event.getProvider()) + ", reference " + event.getReference(),
                event.getOrderId().toString());
    }

    static NotificationDraft rejected(CheckoutRejected event) {
        String detail = AlertText.oneLine(event.getDetail());
        String reason = AlertText.humanize(event.getReason());
        return new NotificationDraft(NotificationKind.CHECKOUT_REJECTED, "A checkout could not be created",
                detail.isEmpty() ? reason : reason + ": " + detail + ". The customer was told.",
                // A conversation can be refused several times; each refused reply is its own alert.
                event.getConversationId() + "/" + event.getReplyEventId());
    }

    static NotificationDraft linkFailed(CheckoutLinkFailed event) {
        String provider = AlertText.provider(event.getProvider());
        String detail = AlertText.oneLine(event.getDetail());
        return new NotificationDraft(NotificationKind.CHECKOUT_FAILED, "Payment link could not be created",
                provider + " (" + AlertText.humanize(event.getReason()).toLowerCase(Locale.ROOT)
                        + ", " + event.getAttempts() + (event.getAttempts() == 1 ? " attempt" : " attempts") + ")"
                        + (detail.isEmpty() ? "" : ": " + detail)
                        + ". The order waits for payment; check Settings → Payments.",
                event.getOrderId().toString());
    }

    static NotificationDraft paymentFailed(PaymentFailed event) {
        String reason = AlertText.oneLine(event.getReason());
        return new NotificationDraft(NotificationKind.PAYMENT_FAILED, "Payment failed",
                AlertText.provider(event.getProvider()) + " reported the payment of reference " + event.getReference()
                        + " as failed" + (reason.isEmpty() ? "" : ": " + reason),
                event.getOrderId().toString());
    }

    static NotificationDraft discrepancy(PaymentDiscrepancyRecorded event) {
        return new NotificationDraft(NotificationKind.PAYMENT_DISCREPANCY,
                "Payment notification did not match an order", DiscrepancyWording.body(event),
                event.getDiscrepancyId().toString());
    }

    static NotificationDraft refunded(OrderRefunded event) {
        return new NotificationDraft(NotificationKind.ORDER_REFUNDED,
                "Order refunded: " + Money.format(event.getAmountMinor(), event.getCurrency()),
                "Refunded through " + AlertText.provider(event.getProvider()) + ", reference " + event.getReference(),
                event.getOrderId().toString());
    }
}
