package com.sellavie.commerce.payment.settings;

/** Provider keys shaped as the providers document them (fake values), and PUT bodies made of them. */
final class Keys {

    static final String PAYSTACK_TEST_SECRET = "sk_test_8f3c2a9b7d6e5f4a3b2c1d0e9f8a7b6c5d4e4f2a";
    static final String PAYSTACK_LIVE_SECRET = "sk_live_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
    static final String PAYSTACK_TEST_PUBLIC = "pk_test_0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b";
    static final String STRIPE_TEST_SECRET = "sk_test_51HqLyjWDarjtT1zdp7dcXYZabcdefghij9c1e";
    static final String STRIPE_WEBHOOK_SECRET = "whsec_J5a8rX2wq0bT7mK3nP9sV4yZ1cF6hL8d77aa";
    static final String STRIPE_WEBHOOK_SECRET_ROLLED = "whsec_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6bb99";
    static final String FLUTTERWAVE_TEST_SECRET = "FLWSECK_TEST-9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a-X";
    static final String FLUTTERWAVE_SECRET_HASH = "a-long-random-secret-hash-4711";

    private Keys() {
    }

    static String paystack(String secretKey, String mode, Boolean isDefault) {
        return "{" + field("secretKey", secretKey) + "\"publicKey\":\"" + PAYSTACK_TEST_PUBLIC + "\",\"mode\":\""
                + mode + "\",\"currency\":\"NGN\"" + (isDefault == null ? "" : ",\"isDefault\":" + isDefault) + "}";
    }

    static String stripe(String secretKey, String webhookSecret, Boolean isDefault) {
        return "{" + field("secretKey", secretKey) + field("webhookSecret", webhookSecret)
                + "\"mode\":\"TEST\",\"currency\":\"USD\"" + (isDefault == null ? "" : ",\"isDefault\":" + isDefault) + "}";
    }

    static String flutterwave(String scheme) {
        return "{\"secretKey\":\"" + FLUTTERWAVE_TEST_SECRET + "\",\"webhookSecret\":\"" + FLUTTERWAVE_SECRET_HASH
                + "\",\"mode\":\"TEST\",\"currency\":\"NGN\"" + (scheme == null ? "" : ",\"webhookSignatureScheme\":\""
                + scheme + "\"") + "}";
    }

    private static String field(String name, String value) {
        return value == null ? "" : "\"" + name + "\":\"" + value + "\",";
    }
}
