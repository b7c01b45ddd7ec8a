package com.sellavie.commerce.checkout;

import com.sellavie.commerce.order.Money;
import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.OrderLine;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the customer reads. Each text says only what really happened: a link is announced once it
 * exists, a refusal says no link was made, nothing promises what the team has not decided.
 */
final class CustomerTexts {

    static final String FOLLOW_UP = "Someone from the team will follow up.";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private CustomerTexts() {
    }

    static String link(Order order) {
        return "Here is your payment link for " + items(order) + " (" + total(order) + "): " + order.checkoutUrl();
    }

    static String linkAgain(Order order) {
        return "Here is your payment link again for " + items(order) + " (" + total(order) + "): "
                + order.checkoutUrl();
    }

    static String linkFailed(Order order) {
        return "Sorry, I couldn't create a payment link for " + items(order) + " right now. " + FOLLOW_UP;
    }

    static String rejected(Rejection rejection) {
        return "Sorry, " + rejection.customerReason() + ", so I couldn't create a payment link. " + FOLLOW_UP;
    }

    static String noSuchOrder() {
        return "Sorry, I couldn't find that order for you. " + FOLLOW_UP;
    }

    static String paymentStatus(Order order) {
        return switch (order.status()) {
            case PENDING_PAYMENT -> order.checkoutUrl() != null
                    ? "Your order for " + items(order) + " (" + total(order) + ") is waiting for payment. "
                            + "You can pay here: " + order.checkoutUrl()
                    : "Your order for " + items(order) + " (" + total(order) + ") is waiting for payment; "
                            + "the payment link is not ready yet.";
            case PAID -> "Your order for " + items(order) + " (" + total(order) + ") was paid on "
                    + DATE.format(order.paidAt()) + ". Thank you!";
            case PAYMENT_FAILED -> "The payment for your order for " + items(order) + " did not go through. "
                    + FOLLOW_UP;
            case EXPIRED -> "Your order for " + items(order) + " expired before it was paid.";
            case CANCELLED -> "Your order for " + items(order) + " was cancelled.";
            case REFUNDED -> "Your order for " + items(order) + " was refunded.";
        };
    }

    /** @param invoiceNumber the order's invoice number, or null when none is issued yet */
    static String invoice(Order order, String invoiceNumber) {
        return switch (order.status()) {
            case PAID, REFUNDED -> invoiceNumber != null
                    ? "The invoice for your order for " + items(order) + " is " + invoiceNumber + "."
                    : "Your order for " + items(order) + " is paid; the receipt and invoice are sent once the "
                            + "payment is confirmed.";
            case PENDING_PAYMENT -> "The invoice for your order for " + items(order) + " comes once the payment is "
                    + "confirmed." + (order.checkoutUrl() != null ? " You can pay here: " + order.checkoutUrl() : "");
            default -> paymentStatus(order);
        };
    }

    static String items(Order order) {
        return order.lines().stream().map(CustomerTexts::line).collect(Collectors.joining(", "));
    }

    private static String line(OrderLine line) {
        return line.quantity() + " x " + line.name();
    }

    private static String total(Order order) {
        return Money.format(order.totalMinor(), order.currency());
    }
}
