package com.sellavie.commerce.payment.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * One reconciled notification in the ledger.
 *
 * @param orderId null when no order of the business matched
 * @param kind    PAYMENT, FAILURE, REFUND or OTHER
 * @param status  what it did: PAID, ALREADY_PAID, PAYMENT_FAILED, FAILURE_IGNORED, REFUNDED,
 *                ALREADY_REFUNDED, DISCREPANCY or RECORDED
 */
public record LedgerEntry(UUID businessId, UUID notificationId, UUID orderId, String provider, String kind,
        String providerEventId, String providerTransactionId, String reference, Long amountMinor, String currency,
        String status, Instant recordedAt) {
}
