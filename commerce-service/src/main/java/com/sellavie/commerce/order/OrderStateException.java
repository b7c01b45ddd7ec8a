package com.sellavie.commerce.order;

/** A state change the order's current state does not allow (e.g. cancelling a paid order). */
public class OrderStateException extends RuntimeException {

    private final OrderStatus status;

    OrderStateException(String message, OrderStatus status) {
        super(message);
        this.status = status;
    }

    public OrderStatus status() {
        return status;
    }
}
