package com.sellavie.ingest.payment.endpoint;

/** How a business's webhooks are signed; commerce says which one each endpoint uses. */
public enum VerificationScheme {
    /** Paystack: {@code x-paystack-signature} = hex HMAC-SHA512(raw body, secret key). */
    PAYSTACK_HMAC_SHA512(PaymentProvider.PAYSTACK),
    /** Flutterwave v3: {@code verif-hash} equals the secret hash (the body itself is not signed). */
    FLUTTERWAVE_VERIF_HASH(PaymentProvider.FLUTTERWAVE),
    /** Flutterwave v4 option: {@code flutterwave-signature} = base64 HMAC-SHA256(raw body, secret hash). */
    FLUTTERWAVE_HMAC_SHA256(PaymentProvider.FLUTTERWAVE),
    /** Stripe: {@code Stripe-Signature} with a timestamp and v1 HMAC-SHA256 signatures. */
    STRIPE_SIGNATURE(PaymentProvider.STRIPE);

    private final PaymentProvider provider;

    VerificationScheme(PaymentProvider provider) {
        this.provider = provider;
    }

    public PaymentProvider provider() {
        return provider;
    }
}
