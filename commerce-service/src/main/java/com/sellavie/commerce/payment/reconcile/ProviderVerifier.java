package com.sellavie.commerce.payment.reconcile;

/**
 * A provider's verify endpoint. Failures are checkout's: {@code ProviderUnavailableException} (timeout,
 * connection, 429, 5xx: try again later) or {@code ProviderRefusedException} (another 4xx).
 */
interface ProviderVerifier {

    /** PAYSTACK or FLUTTERWAVE. */
    String provider();

    Verification verify(String reference, String providerTransactionId, String secretKey);
}
