package com.sellavie.ai.orders;

import java.util.Locale;

/** Where an order stands, from the last commerce event about it. */
enum OrderStatus {
    AWAITING_PAYMENT(true),
    PAYMENT_FAILED(true),
    PAID(true),
    CANCELLED(false),
    EXPIRED(false),
    REFUNDED(false);

    /** Still of concern to the customer (to pay, or on its way); closed ones are shown only while recent. */
    final boolean open;

    OrderStatus(boolean open) {
        this.open = open;
    }

    /** As the prompt says it: {@code awaiting payment}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
