package com.sellavie.commerce.payment.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification that did not match; nothing was marked paid by it.
 *
 * @param orderId       the business's order it concerns, null when none matched (never another business's)
 * @param kind          UNKNOWN_REFERENCE, AMOUNT_MISMATCH, CURRENCY_MISMATCH, VERIFICATION_FAILED,
 *                      ORDER_NOT_PAYABLE or ORDER_NOT_REFUNDABLE
 * @param detail        for the team (the provider's own words, never a key)
 * @param correlationId journey of the notification
 * @param causationId   the PaymentEventReceived's eventId
 */
public record Discrepancy(UUID businessId, UUID notificationId, UUID orderId, String provider,
        String providerEventId, String reference, String kind, Long expectedAmountMinor, Long receivedAmountMinor,
        String currency, String detail, Instant recordedAt, String correlationId, String causationId) {
}
