package com.sellavie.commerce.order;

import java.time.Instant;

/**
 * A state change of an {@link Order}, born in the aggregate method that made it; mapped to its Avro
 * contract by {@link OrderEventRecords} and published through the outbox with the saved order.
 */
public sealed interface OrderEvent {

    Instant at();

    /** eventId of what caused it (the ReplyGenerated), or null. */
    String causationId();

    record Placed(Instant at, String causationId) implements OrderEvent {
    }

    record LinkCreated(Instant at, String causationId) implements OrderEvent {
    }

    record LinkFailed(Instant at, String causationId, int attempts, String reason, String detail)
            implements OrderEvent {
    }

    record Paid(Instant at, String causationId, String providerTransactionId, long amountMinor, String currency)
            implements OrderEvent {
    }

    record PaymentFailed(Instant at, String causationId, String providerTransactionId, String reason)
            implements OrderEvent {
    }

    record Refunded(Instant at, String causationId, long amountMinor, String currency) implements OrderEvent {
    }

    record Expired(Instant at, String causationId) implements OrderEvent {
    }

    record Cancelled(Instant at, String causationId, String cancelledBy, String reason) implements OrderEvent {
    }
}
