package com.sellavie.commerce.payment.ledger;

import java.time.Instant;
import java.util.UUID;

/** A discrepancy as {@code GET /api/payments/discrepancies} shows it. */
record DiscrepancyView(UUID id, UUID orderId, String provider, String providerEventId, String reference, String kind,
        Long expectedAmountMinor, Long receivedAmountMinor, String currency, String detail, Instant recordedAt) {
}
