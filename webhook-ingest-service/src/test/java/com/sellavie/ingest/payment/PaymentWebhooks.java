package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentEndpoint;
import com.sellavie.ingest.payment.endpoint.VerificationScheme;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;

/**
 * Payment provider webhook bodies shaped like PROVIDERS.md §2-4 shows them, and their signatures computed
 * here from the providers' documented rules (not by the code under test): Paystack hex HMAC-SHA512, Flutterwave
 * {@code verif-hash} or base64 HMAC-SHA256, Stripe {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}.
 */
public final class PaymentWebhooks {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PaymentWebhooks() {
    }

    /** A body and the headers that sign it. */
    public record Signed(byte[] body, Map<String, String> headers) {
        public String json() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Signed withHeader(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            return new Signed(body, changed);
        }

        Signed withBody(String json) {
            return new Signed(json.getBytes(StandardCharsets.UTF_8), headers);
        }
    }

    /** A fresh endpoint id as commerce makes them: {@code pe_} + 24 base62 characters. */
    public static String endpointId() {
        StringBuilder id = new StringBuilder("pe_");
        for (int i = 0; i < 24; i++) {
            id.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return id.toString();
    }

    /** An endpoint as commerce describes it, for a fresh business. */
    static PaymentEndpoint endpoint(VerificationScheme scheme, String... secrets) {
        return new PaymentEndpoint(endpointId(), UUID.randomUUID(), scheme.provider(), "TEST", scheme, List.of(secrets));
    }

    static HttpHeaders headers(Signed signed) {
        HttpHeaders headers = new HttpHeaders();
        signed.headers().forEach(headers::add);
        return headers;
    }

    /**
     * A valid successful-payment webhook for {@code endpoint}, signed with its current secret the way its scheme
     * says: Paystack charge.success (10000 kobo NGN), Flutterwave v3 charge.completed (verif-hash, 100.5 NGN) or
     * v4 (body signature, 100.5 NGN), Stripe checkout.session.completed (5000 USD cents, signed now).
     */
    static Signed signedPayment(CommerceStub.Endpoint endpoint, String reference, String orderId) {
        long id = Math.abs(RANDOM.nextLong() % 1_000_000_000L);
        return switch (endpoint.scheme()) {
            case PAYSTACK_HMAC_SHA512 -> paystack(endpoint.secret(),
                    paystackChargeSuccess(id, reference, 10000, "NGN", orderId));
            case FLUTTERWAVE_VERIF_HASH -> flutterwaveVerifHash(endpoint.secret(),
                    flutterwaveV3ChargeCompleted(id, reference, "100.5", "NGN", "successful"));
            case FLUTTERWAVE_HMAC_SHA256 -> flutterwaveHmac(endpoint.secret(),
                    flutterwaveV4ChargeCompleted("wbk_" + id, "chg_" + id, reference, "100.5", "NGN", "succeeded"));
            case STRIPE_SIGNATURE -> stripe(endpoint.secret(), stripeSessionEvent("evt_" + id,
                    "checkout.session.completed", reference, orderId, 5000L, "usd", "paid", "pi_" + id, false),
                    java.time.Instant.now().getEpochSecond());
        };
    }

    // --- Paystack (§2)

    static String paystackChargeSuccess(long id, String reference, long amountKobo, String currency, String orderId) {
        String metadata = orderId == null ? "\"\"" : "{\"order_id\":\"" + orderId + "\",\"custom_fields\":[]}";
        return "{\"event\":\"charge.success\",\"data\":{\"id\":" + id + ",\"domain\":\"test\",\"status\":\"success\","
                + "\"reference\":\"" + reference + "\",\"amount\":" + amountKobo + ",\"message\":null,"
                + "\"gateway_response\":\"Successful\",\"paid_at\":\"2026-11-30T07:00:00.000Z\",\"channel\":\"card\","
                + "\"currency\":\"" + currency + "\",\"ip_address\":\"41.1.25.1\",\"metadata\":" + metadata + ","
                + "\"fees\":150,\"customer\":{\"id\":84312,\"email\":\"c-1@customers.sellavie.invalid\"},"
                + "\"authorization\":{\"authorization_code\":\"AUTH_8dfhjjdt\",\"card_type\":\"visa\",\"last4\":\"4081\"},"
                + "\"plan\":{}}}";
    }

    static String paystackRefundProcessed(String refundId, String transactionReference, String amount,
            String currency) {
        return "{\"event\":\"refund.processed\",\"data\":{\"status\":\"processed\",\"transaction_reference\":\""
                + transactionReference + "\",\"refund_reference\":null,\"amount\":\"" + amount + "\",\"currency\":\""
                + currency + "\",\"processor\":\"mpgs_zen\",\"domain\":\"live\",\"id\":\"" + refundId + "\"}}";
    }

    static String paystackEvent(String event) {
        return "{\"event\":\"" + event + "\",\"data\":{\"id\":1,\"reference\":\"TRF_x\",\"amount\":100}}";
    }

    public static Signed paystack(String secretKey, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Signed(body, Map.of("x-paystack-signature", paystackSignature(secretKey, body)));
    }

    static String paystackSignature(String secretKey, byte[] body) {
        return HexFormat.of().formatHex(hmac("HmacSHA512", secretKey, body));
    }

    // --- Flutterwave (§3)

    /** v3 {@code charge.completed}; {@code amount} is written as given (major units, e.g. {@code 100} or {@code 100.5}). */
    static String flutterwaveV3ChargeCompleted(long id, String txRef, String amount, String currency, String status) {
        return "{\"event\":\"charge.completed\",\"data\":{\"id\":" + id + ",\"tx_ref\":\"" + txRef + "\","
                + "\"flw_ref\":\"PeterEkene/FLW270177170\",\"device_fingerprint\":\"a42937f4a73ce8bb8b8df14e63a2df31\","
                + "\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"charged_amount\":" + amount + ","
                + "\"app_fee\":1.4,\"merchant_fee\":0,\"processor_response\":\"Approved by Financial Institution\","
                + "\"auth_model\":\"PIN\",\"ip\":\"197.210.64.96\",\"narration\":\"CARD Transaction \","
                + "\"status\":\"" + status + "\",\"payment_type\":\"card\",\"created_at\":\"2026-11-30T07:00:00.000Z\","
                + "\"account_id\":17321,\"customer\":{\"id\":215604089,\"name\":\"Yemi Desola\","
                + "\"email\":\"c-1@customers.sellavie.invalid\"},\"card\":{\"first_6digits\":\"123456\","
                + "\"last_4digits\":\"7889\",\"issuer\":\"VERVE FIRST CITY MONUMENT BANK PLC\",\"country\":\"NG\","
                + "\"type\":\"VERVE\",\"expiry\":\"02/23\"}},\"event.type\":\"CARD_TRANSACTION\"}";
    }

    /** v4 envelope: {@code type}, {@code id} wbk_…, {@code data.reference}, {@code data.status} succeeded|failed. */
    static String flutterwaveV4ChargeCompleted(String webhookId, String chargeId, String reference, String amount,
            String currency, String status) {
        return "{\"webhook_id\":\"" + webhookId + "\",\"timestamp\":1735116884019,\"type\":\"charge.completed\","
                + "\"id\":\"" + webhookId + "\",\"data\":{\"id\":\"" + chargeId + "\",\"amount\":" + amount + ","
                + "\"currency\":\"" + currency + "\",\"customer\":{\"id\":\"cus_EoJbXRUO8Z\","
                + "\"email\":\"c-1@customers.sellavie.invalid\"},\"description\":null,\"meta\":{},"
                + "\"payment_method\":{\"type\":\"card\",\"card\":{\"last4\":\"0004\"},\"id\":\"pmd_3ZIcq3kZTe\"},"
                + "\"redirect_url\":null,\"reference\":\"" + reference + "\",\"status\":\"" + status + "\","
                + "\"processor_response\":{\"type\":\"approved\",\"code\":\"00\"},\"created_datetime\":"
                + "\"2026-11-30T07:00:00.000Z\"}}";
    }

    static Signed flutterwaveVerifHash(String secretHash, String json) {
        return new Signed(json.getBytes(StandardCharsets.UTF_8), Map.of("verif-hash", secretHash));
    }

    static Signed flutterwaveHmac(String secretHash, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Signed(body, Map.of("flutterwave-signature",
                Base64.getEncoder().encodeToString(hmac("HmacSHA256", secretHash, body))));
    }

    // --- Stripe (§4)

    static String stripeSessionEvent(String eventId, String type, String sessionId, String orderId, Long amountTotal,
            String currency, String paymentStatus, String paymentIntent, boolean livemode) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2026-10-28.clover\","
                + "\"created\":1764486000,\"data\":{\"object\":{\"id\":\"" + sessionId + "\","
                + "\"object\":\"checkout.session\",\"amount_subtotal\":" + amountTotal + ",\"amount_total\":"
                + amountTotal + ",\"client_reference_id\":" + quoted(orderId) + ",\"currency\":\"" + currency + "\","
                + "\"customer_email\":\"c-1@customers.sellavie.invalid\",\"livemode\":" + livemode + ","
                + "\"metadata\":{" + (orderId == null ? "" : "\"order_id\":\"" + orderId + "\"") + "},"
                + "\"mode\":\"payment\",\"payment_intent\":" + quoted(paymentIntent) + ",\"payment_status\":\""
                + paymentStatus + "\",\"status\":\"complete\",\"url\":null}},\"livemode\":" + livemode + ","
                + "\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\"}";
    }

    static String stripeChargeRefunded(String eventId, String chargeId, String paymentIntent, String orderId,
            long amount, long amountRefunded, String currency) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\"2026-10-28.clover\","
                + "\"created\":1764486000,\"data\":{\"object\":{\"id\":\"" + chargeId + "\",\"object\":\"charge\","
                + "\"amount\":" + amount + ",\"amount_captured\":" + amount + ",\"amount_refunded\":" + amountRefunded
                + ",\"captured\":true,\"currency\":\"" + currency + "\",\"livemode\":false,\"metadata\":{\"order_id\":\""
                + orderId + "\"},\"paid\":true,\"payment_intent\":\"" + paymentIntent + "\",\"refunded\":true,"
                + "\"status\":\"succeeded\"}},\"livemode\":false,\"pending_webhooks\":1,\"type\":\"charge.refunded\"}";
    }

    /** Signed as Stripe does when it holds one signing secret: {@code t=<unix>,v1=<hex>}. */
    static Signed stripe(String secret, String json, long timestampSeconds) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Signed(body, Map.of("Stripe-Signature", "t=" + timestampSeconds + ",v1="
                + stripeV1(secret, timestampSeconds, body)));
    }

    /** Signed as Stripe does during a rotation: one v1 per secret, plus the fake v0 of test events. */
    static Signed stripeRotating(String newSecret, String oldSecret, String json, long timestampSeconds) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new Signed(body, Map.of("Stripe-Signature", "t=" + timestampSeconds
                + ",v1=" + stripeV1(newSecret, timestampSeconds, body)
                + ",v1=" + stripeV1(oldSecret, timestampSeconds, body)
                + ",v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39"));
    }

    static String stripeV1(String secret, long timestampSeconds, byte[] body) {
        byte[] prefix = (timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return HexFormat.of().formatHex(hmac("HmacSHA256", secret, signed));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
