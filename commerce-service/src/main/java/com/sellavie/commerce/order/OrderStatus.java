package com.sellavie.commerce.order;

/** Where an order's payment stands. PENDING_PAYMENT is the only open state. */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    PAYMENT_FAILED,
    EXPIRED,
    CANCELLED,
    REFUNDED
}
