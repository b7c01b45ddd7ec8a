package com.sellavie.systemtests.journey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Payment providers' webhooks as they arrive (PROVIDERS.md §2–4): the JSON bodies of the events
 * Sellavie handles and their signatures, computed here the way each provider documents it.
 */
final class PaymentWebhooks {

    private PaymentWebhooks() {
    }

    /** A webhook ready to POST: its exact bytes and headers. */
    record Signed(byte[] body, Map<String, String> headers) {

        Signed withBody(byte[] other) {
            return new Signed(other, headers);
        }

        Signed withHeaders(Map<String, String> other) {
            return new Signed(body, other);
        }
    }

    // Stripe: Stripe-Signature t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<body>", whsec)>

    static String stripeSessionEvent(String eventId, String type, String sessionId, String orderId, long amountMinor,
            String currency, String paymentStatus) {
        return """
                {"id":"%s","object":"event","api_version":"2025-01-27.acacia","created":%d,"livemode":false,\
                "pending_webhooks":1,"type":"%s","data":{"object":{"id":"%s","object":"checkout.session",\
                "client_reference_id":"%s","metadata":{"order_id":"%s"},"amount_total":%d,"currency":"%s",\
                "payment_status":"%s","status":"complete","mode":"payment","payment_intent":"pi_%s"}}}"""
                .formatted(eventId, System.currentTimeMillis() / 1000, type, sessionId, orderId, orderId, amountMinor,
                        currency.toLowerCase(), paymentStatus, eventId.substring(4));
    }

    static Signed stripe(String body, String webhookSecret) {
        return stripeAt(body, webhookSecret, System.currentTimeMillis() / 1000);
    }

    static Signed stripeAt(String body, String webhookSecret, long timestamp) {
        String v1 = HexFormat.of().formatHex(hmac("HmacSHA256", webhookSecret, timestamp + "." + body));
        return new Signed(bytes(body), Map.of("Stripe-Signature", "t=" + timestamp + ",v1=" + v1));
    }

    // Paystack: x-paystack-signature = hex HMAC-SHA512(body, secret key)

    static String paystackChargeSuccess(long transactionId, String reference, long amountMinor, String currency) {
        return """
                {"event":"charge.success","data":{"id":%d,"domain":"test","status":"success","reference":"%s",\
                "amount":%d,"gateway_response":"Successful","paid_at":"2026-11-30T10:00:00.000Z","channel":"card",\
                "currency":"%s","metadata":"","customer":{"email":"customer@example.com"},"authorization":{},"plan":{}}}"""
                .formatted(transactionId, reference, amountMinor, currency);
    }

    static Signed paystack(String body, String secretKey) {
        return new Signed(bytes(body), Map.of("x-paystack-signature",
                HexFormat.of().formatHex(hmac("HmacSHA512", secretKey, body))));
    }

    // Flutterwave v3: verif-hash = the secret hash set in the dashboard (the body is not signed)

    static String flutterwaveChargeCompleted(long transactionId, String txRef, String amountMajor, String currency,
            String status) {
        return """
                {"event":"charge.completed","data":{"id":%d,"tx_ref":"%s","flw_ref":"FLW-MOCK-%d","amount":%s,\
                "currency":"%s","charged_amount":%s,"app_fee":1.4,"status":"%s","payment_type":"card",\
                "created_at":"2026-11-30T10:00:00.000Z","customer":{"email":"customer@example.com"}},\
                "event.type":"CARD_TRANSACTION"}"""
                .formatted(transactionId, txRef, transactionId, amountMajor, currency, amountMajor, status);
    }

    static Signed flutterwave(String body, String secretHash) {
        return new Signed(bytes(body), Map.of("verif-hash", secretHash));
    }

    static String base64(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
