package com.sellavie.notification.messaging.commerce;

import com.sellavie.events.commerce.PaymentDiscrepancyRecorded;

/** What the team reads about a payment notification that matched no order, or not its amount or currency. */
final class DiscrepancyWording {

    private DiscrepancyWording() {
    }

    static String body(PaymentDiscrepancyRecorded event) {
        String what = switch (event.getKind()) {
            case "AMOUNT_MISMATCH" -> "Amount mismatch: expected " + amount(event.getExpectedAmountMinor(), event)
                    + ", received " + amount(event.getReceivedAmountMinor(), event);
            // The order's own currency is not in the event: only what was received can be named.
            case "CURRENCY_MISMATCH" -> "Currency mismatch: received " + amount(event.getReceivedAmountMinor(), event)
                    + ", not in the order's currency";
            case "UNKNOWN_REFERENCE" -> "Unknown reference" + receivedIfKnown(event);
            case "VERIFICATION_FAILED" -> "The provider's verification did not confirm the payment"
                    + receivedIfKnown(event);
            case "ORDER_NOT_PAYABLE" -> "The order can no longer be paid" + receivedIfKnown(event);
            default -> AlertText.humanize(event.getKind()) + receivedIfKnown(event);
        };
        String reference = event.getReference() == null ? "no reference" : "reference " + event.getReference();
        return what + " (" + AlertText.provider(event.getProvider()) + ", " + reference + ", notification "
                + event.getProviderEventId() + "). Nothing was marked paid.";
    }

    private static String receivedIfKnown(PaymentDiscrepancyRecorded event) {
        return event.getReceivedAmountMinor() == null ? "" : ": received " + amount(event.getReceivedAmountMinor(), event);
    }

    private static String amount(Long minor, PaymentDiscrepancyRecorded event) {
        return minor == null ? "unknown" : Money.format(minor, event.getCurrency());
    }
}
