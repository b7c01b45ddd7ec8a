package com.sellavie.commerce.payment.reconcile;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.OrderStatus;
import java.util.Objects;

/**
 * The reconciliation rules, without Spring: what a verified notification does to the business's order
 * it names (null when none of this business matched). Repeated and out-of-order deliveries end in the
 * same state: a success pays an order waiting, failed or expired, and a failure never undoes a payment.
 */
final class Reconciliation {

    static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
    static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    static final String VERIFICATION_FAILED = "VERIFICATION_FAILED";
    static final String ORDER_NOT_PAYABLE = "ORDER_NOT_PAYABLE";
    static final String ORDER_NOT_REFUNDABLE = "ORDER_NOT_REFUNDABLE";

    private Reconciliation() {
    }

    /**
     * @param needsVerification whether the provider must confirm a success (Paystack, Flutterwave)
     * @param verification      its answer, or null when not asked yet
     */
    static Decision decide(Notification notification, Order order, boolean needsVerification,
            Verification verification) {
        if (order == null) {
            return switch (notification.status()) {
                case Notification.SUCCEEDED, Notification.FAILED, Notification.REFUNDED -> new Decision.Mismatch(
                        UNKNOWN_REFERENCE, "no order of this business has reference " + notification.reference()
                                + (notification.echoedOrderId() != null ? " (order id given: "
                                        + notification.echoedOrderId() + ")" : ""));
                default -> new Decision.LedgerOnly("RECORDED");
            };
        }
        return switch (notification.status()) {
            case Notification.SUCCEEDED -> success(notification, order, needsVerification, verification);
            case Notification.FAILED -> order.isOpen() ? new Decision.Fail() : new Decision.LedgerOnly("FAILURE_IGNORED");
            case Notification.REFUNDED -> switch (order.status()) {
                case PAID -> new Decision.Refund();
                case REFUNDED -> new Decision.LedgerOnly("ALREADY_REFUNDED");
                default -> new Decision.Mismatch(ORDER_NOT_REFUNDABLE, "a refund for an order that is "
                        + order.status());
            };
            default -> new Decision.LedgerOnly("RECORDED");
        };
    }

    private static Decision success(Notification notification, Order order, boolean needsVerification,
            Verification verification) {
        if (notification.currency() == null || !notification.currency().equalsIgnoreCase(order.currency())) {
            return new Decision.Mismatch(CURRENCY_MISMATCH, "paid in " + notification.currency() + ", the order is in "
                    + order.currency());
        }
        if (!Objects.equals(notification.amountMinor(), order.totalMinor())) {
            return new Decision.Mismatch(AMOUNT_MISMATCH, "paid " + notification.amountMinor() + ", the order is "
                    + order.totalMinor() + " (minor units)");
        }
        if (order.status() == OrderStatus.PAID || order.status() == OrderStatus.REFUNDED) {
            return new Decision.LedgerOnly("ALREADY_PAID");
        }
        if (!order.isPayable()) {
            return new Decision.Mismatch(ORDER_NOT_PAYABLE, "a verified payment for an order that is " + order.status());
        }
        if (needsVerification) {
            if (verification == null) {
                return new Decision.Verify();
            }
            if (!verification.confirms(order.reference(), order.totalMinor(), order.currency())) {
                return new Decision.Mismatch(VERIFICATION_FAILED,
                        verification.disagreement(order.reference(), order.totalMinor(), order.currency()));
            }
        }
        return new Decision.Pay();
    }
}
