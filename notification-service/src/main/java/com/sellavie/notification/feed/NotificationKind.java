package com.sellavie.notification.feed;

/** What a notification is about; stored by name, so new kinds never break old rows. */
public enum NotificationKind {
    /** A customer wrote to the business on a connected channel. */
    NEW_MESSAGE,
    /** A payment for an order was verified: money came in. */
    ORDER_PAID,
    /** The assistant's checkout could not become an order (unknown sku, out of stock...): the team sees why. */
    CHECKOUT_REJECTED,
    /** The payment provider could not open a checkout for an order: the customer has no link yet. */
    CHECKOUT_FAILED,
    /** The provider reported an order's payment as failed. */
    PAYMENT_FAILED,
    /** A verified payment notification matched no order (or not its amount or currency): nothing was marked paid. */
    PAYMENT_DISCREPANCY,
    /** The provider reported a refund of an order's payment. */
    ORDER_REFUNDED,
    /** A conversation needs a person: the assistant handed it over, or the customer asked for one. */
    HANDOFF_REQUESTED,

    /** Meta rejected a channel's token: nothing can be sent on it until the team connects it again. */
    CHANNEL_NEEDS_RECONNECT
}
