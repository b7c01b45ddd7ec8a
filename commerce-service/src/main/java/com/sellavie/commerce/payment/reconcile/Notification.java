package com.sellavie.commerce.payment.reconcile;

import java.time.Instant;
import java.util.UUID;

/**
 * A verified payment notification as recorded from {@code PaymentEventReceived}.
 *
 * @param status        SUCCEEDED, FAILED, REFUNDED or OTHER
 * @param echoedOrderId the order id the provider echoed back, as given (may be anything)
 * @param done          whether it was already reconciled
 */
record Notification(UUID id, UUID businessId, String provider, String providerEventId, UUID eventId,
        String correlationId, String eventType, String status, String reference, String echoedOrderId,
        String providerTransactionId, Long amountMinor, String currency, Instant receivedAt, boolean done) {

    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String REFUNDED = "REFUNDED";

    /** The ledger's kind: PAYMENT, FAILURE, REFUND, or OTHER. */
    String ledgerKind() {
        return switch (status) {
            case SUCCEEDED -> "PAYMENT";
            case FAILED -> "FAILURE";
            case REFUNDED -> "REFUND";
            default -> "OTHER";
        };
    }

    @Override
    public String toString() {
        return provider + " " + eventType + " " + providerEventId + " (business " + businessId + ", reference "
                + reference + ")";
    }
}
