package com.sellavie.commerce.payment.settings;

/**
 * How Flutterwave's webhooks to this business are verified, chosen per business: the v3
 * {@code verif-hash} header equal to the secret hash (default), or the v4 {@code flutterwave-signature},
 * an HMAC-SHA256 of the body keyed with it (PROVIDERS.md §3 and §6.3).
 */
public enum WebhookSignatureScheme {
    VERIF_HASH,
    HMAC_SHA256;

    /** The scheme name ingest receives from {@code /internal/payment-endpoints/{endpointId}}. */
    static String of(Provider provider, WebhookSignatureScheme flutterwave) {
        return switch (provider) {
            case PAYSTACK -> "PAYSTACK_HMAC_SHA512";
            case STRIPE -> "STRIPE_SIGNATURE";
            case FLUTTERWAVE -> flutterwave == HMAC_SHA256 ? "FLUTTERWAVE_HMAC_SHA256" : "FLUTTERWAVE_VERIF_HASH";
        };
    }
}
