package com.sellavie.commerce.payment.ledger;

import java.time.Instant;
import java.util.UUID;

/** A ledger row as {@code GET /api/payments/transactions} shows it. */
record TransactionView(UUID id, UUID orderId, String provider, String kind, String providerEventId,
        String providerTransactionId, String reference, Long amountMinor, String currency, String status,
        Instant recordedAt) {
}
