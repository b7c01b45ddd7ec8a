package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentProvider;

/**
 * What a verified provider webhook says, in Sellavie's terms (contracts.md "PaymentEventReceived normalisation").
 *
 * @param providerEventId       the provider's id of this notification, commerce's deduplication key
 * @param eventType             the provider's own event type ({@code charge.success}, ...)
 * @param reference             the reference Sellavie gave the provider for the order, when the event has one
 * @param orderId               the order id the provider echoed back, when present
 * @param providerTransactionId the provider's transaction id (for commerce to verify with the provider)
 * @param amountMinor           amount in minor units, null when the event has none
 * @param currency              ISO 4217, upper case, null when the event has none
 * @param livemode              whether the provider says it is live, null when it does not say
 */
record PaymentNotification(PaymentProvider provider, String providerEventId, String eventType, PaymentStatus status,
        String reference, String orderId, String providerTransactionId, Long amountMinor, String currency,
        Boolean livemode) {

    /** The Kafka key: the reference keeps one order's notifications in order; the event id when there is none. */
    String key() {
        return reference != null ? reference : providerEventId;
    }
}
