package com.sellavie.ingest.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.ingest.TopicProbe;
import com.sellavie.ingest.payment.CommerceStub.Endpoint;
import com.sellavie.ingest.payment.endpoint.VerificationScheme;
import com.sellavie.schemas.Topics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Payment webhooks through real HTTP into the real outbox, relay, Kafka broker and registry (@IntegrationTest),
 * each event read back from {@code ingest.payment-events} and decoded. commerce's internal endpoint is stood in
 * for by WireMock ({@link CommerceStub}: commerce is another Sellavie service and cannot run in this module's
 * tests; the real path is covered by system-tests).
 */
@PaymentWebhookTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentWebhookIntegrationTest {

    static final String TOPIC = Topics.INGEST_PAYMENT_EVENTS.name();
    static final int ONE_MIB = 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;

    PaymentWebhookClient providers;
    Endpoint paystack;
    Endpoint flutterwave;
    Endpoint flutterwaveSigned;
    Endpoint stripe;

    @BeforeAll
    void commerceKnowsOneEndpointPerProvider() {
        providers = new PaymentWebhookClient(port);
        CommerceStub.warmUp(providers);
        breakers.circuitBreaker("commerce-endpoints").reset();
        paystack = CommerceStub.register(VerificationScheme.PAYSTACK_HMAC_SHA512, "sk_test_" + random());
        flutterwave = CommerceStub.register(VerificationScheme.FLUTTERWAVE_VERIF_HASH, "flw-hash-" + random());
        flutterwaveSigned = CommerceStub.register(VerificationScheme.FLUTTERWAVE_HMAC_SHA256, "flw-hash-" + random());
        stripe = CommerceStub.register(VerificationScheme.STRIPE_SIGNATURE, "whsec_" + random(), "whsec_" + random());
    }

    // --- accepted webhooks

    @Test
    void paystackChargeSuccessIsPublishedAsPaymentEventReceived() {
        String reference = reference();
        String orderId = UUID.randomUUID().toString();
        PaymentWebhooks.Signed webhook = PaymentWebhooks.paystack(paystack.secret(),
                PaymentWebhooks.paystackChargeSuccess(302961, reference, 10000, "NGN", orderId));

        try (TopicProbe events = TopicProbe.from(TOPIC)) {
            Instant before = Instant.now();
            assertThat(post(paystack, webhook).statusCode()).isEqualTo(200);

            ConsumerRecord<String, Object> record = events.await(r -> hasReference(r, reference));
            PaymentEventReceived event = (PaymentEventReceived) record.value();
            assertThat(record.key()).isEqualTo(reference);
            assertThat(event.getBusinessId()).isEqualTo(paystack.businessId());
            assertThat(event.getProvider()).isEqualTo("PAYSTACK");
            assertThat(event.getEndpointId()).isEqualTo(paystack.id());
            assertThat(event.getProviderEventId()).isEqualTo("charge.success:302961");
            assertThat(event.getEventType()).isEqualTo("charge.success");
            assertThat(event.getStatus()).isEqualTo("SUCCEEDED");
            assertThat(event.getOrderId()).isEqualTo(orderId);
            assertThat(event.getProviderTransactionId()).isEqualTo("302961");
            assertThat(event.getAmountMinor()).isEqualTo(10000L);
            assertThat(event.getCurrency()).isEqualTo("NGN");
            assertThat(event.getLivemode()).isFalse();
            assertThat(event.getOccurredAt()).isBetween(before.minusSeconds(1), Instant.now());
            assertThat(event.getCorrelationId()).isEqualTo(event.getEventId().toString());
            assertThat(TopicProbe.header(record, "eventType")).contains("PaymentEventReceived");
            assertThat(TopicProbe.header(record, "businessId")).contains(paystack.businessId().toString());
            assertThat(event.toString()).doesNotContain(paystack.secret());
        }
    }

    @Test
    void flutterwaveV3ChargeWithTheVerifHashIsPublishedInMinorUnits() {
        String reference = reference();
        PaymentWebhooks.Signed webhook = PaymentWebhooks.flutterwaveVerifHash(flutterwave.secret(),
                PaymentWebhooks.flutterwaveV3ChargeCompleted(285959875, reference, "100.5", "NGN", "successful"));

        PaymentEventReceived event = publishedBy(flutterwave, webhook, reference);

        assertThat(event.getBusinessId()).isEqualTo(flutterwave.businessId());
        assertThat(event.getProvider()).isEqualTo("FLUTTERWAVE");
        assertThat(event.getProviderEventId()).isEqualTo("charge.completed:285959875:successful");
        assertThat(event.getStatus()).isEqualTo("SUCCEEDED");
        assertThat(event.getProviderTransactionId()).isEqualTo("285959875");
        assertThat(event.getAmountMinor()).isEqualTo(10050L);
        assertThat(event.getCurrency()).isEqualTo("NGN");
    }

    @Test
    void flutterwaveV3FailedChargeIsPublishedAsFailed() {
        String reference = reference();
        PaymentWebhooks.Signed webhook = PaymentWebhooks.flutterwaveVerifHash(flutterwave.secret(),
                PaymentWebhooks.flutterwaveV3ChargeCompleted(285959876, reference, "2500", "KES", "failed"));

        PaymentEventReceived event = publishedBy(flutterwave, webhook, reference);

        assertThat(event.getStatus()).isEqualTo("FAILED");
        assertThat(event.getProviderEventId()).isEqualTo("charge.completed:285959876:failed");
        assertThat(event.getAmountMinor()).isEqualTo(250000L);
    }

    @Test
    void flutterwaveV4ChargeWithABodySignatureIsPublished() {
        String reference = reference();
        PaymentWebhooks.Signed webhook = PaymentWebhooks.flutterwaveHmac(flutterwaveSigned.secret(),
                PaymentWebhooks.flutterwaveV4ChargeCompleted("wbk_B4nWaDzGmUy4", "chg_fGh82J4nSd", reference, "1500.25",
                        "USD", "succeeded"));

        PaymentEventReceived event = publishedBy(flutterwaveSigned, webhook, reference);

        assertThat(event.getBusinessId()).isEqualTo(flutterwaveSigned.businessId());
        assertThat(event.getProviderEventId()).isEqualTo("wbk_B4nWaDzGmUy4");
        assertThat(event.getProviderTransactionId()).isEqualTo("chg_fGh82J4nSd");
        assertThat(event.getAmountMinor()).isEqualTo(150025L);
        assertThat(event.getCurrency()).isEqualTo("USD");
    }

    @Test
    void stripeCheckoutSessionCompletedIsPublished() {
        String session = "cs_test_" + random();
        String orderId = UUID.randomUUID().toString();
        PaymentWebhooks.Signed webhook = PaymentWebhooks.stripe(stripe.secret(), PaymentWebhooks.stripeSessionEvent(
                "evt_1QxYz", "checkout.session.completed", session, orderId, 5000L, "usd", "paid", "pi_3QxYz", false),
                Instant.now().getEpochSecond());

        PaymentEventReceived event = publishedBy(stripe, webhook, session);

        assertThat(event.getBusinessId()).isEqualTo(stripe.businessId());
        assertThat(event.getProvider()).isEqualTo("STRIPE");
        assertThat(event.getProviderEventId()).isEqualTo("evt_1QxYz");
        assertThat(event.getStatus()).isEqualTo("SUCCEEDED");
        assertThat(event.getOrderId()).isEqualTo(orderId);
        assertThat(event.getProviderTransactionId()).isEqualTo("pi_3QxYz");
        assertThat(event.getAmountMinor()).isEqualTo(5000L);
        assertThat(event.getCurrency()).isEqualTo("USD");
        assertThat(event.getLivemode()).isFalse();
    }

    @Test
    void stripeSignatureOfThePreviousSecretIsAcceptedDuringARotation() {
        String session = "cs_test_" + random();
        PaymentWebhooks.Signed webhook = PaymentWebhooks.stripe(stripe.secrets().get(1), PaymentWebhooks
                .stripeSessionEvent("evt_prev", "checkout.session.async_payment_failed", session, null, 5000L, "usd",
                        "unpaid", "pi_prev", false), Instant.now().getEpochSecond());

        assertThat(publishedBy(stripe, webhook, session).getStatus()).isEqualTo("FAILED");
    }

    @Test
    void verifiedEventOfATypeSellavieIgnoresIsAcknowledgedAndNotPublished() {
        assertNothingPublishedBy(() -> post(paystack, PaymentWebhooks.paystack(paystack.secret(),
                PaymentWebhooks.paystackEvent("transfer.success"))), 200);
        assertNothingPublishedBy(() -> post(stripe, PaymentWebhooks.stripe(stripe.secret(), PaymentWebhooks
                .stripeSessionEvent("evt_unpaid", "checkout.session.completed", "cs_test_unpaid", null, 5000L, "usd",
                        "unpaid", null, false), Instant.now().getEpochSecond())), 200);
    }

    @Test
    void bodyOfExactlyOneMebibyteIsAccepted() {
        String reference = reference();
        String json = PaymentWebhooks.paystackChargeSuccess(1, reference, 10000, "NGN", null);
        PaymentWebhooks.Signed webhook = PaymentWebhooks.paystack(paystack.secret(),
                json + " ".repeat(ONE_MIB - json.length()));
        assertThat(webhook.body()).hasSize(ONE_MIB);

        publishedBy(paystack, webhook, reference);
    }

    // --- bad input: the documented status, nothing published, the next valid request still succeeds

    @Test
    void missingSignatureIsUnauthorized() {
        for (Endpoint endpoint : all()) {
            PaymentWebhooks.Signed webhook = valid(endpoint);
            assertNothingPublishedBy(() -> providers.post(endpoint.segment(), endpoint.id(), webhook.body(), Map.of()),
                    401);
        }
    }

    @Test
    void wrongSignatureIsUnauthorized() {
        for (Endpoint endpoint : all()) {
            PaymentWebhooks.Signed webhook = valid(endpoint);
            Endpoint impostor = new Endpoint(endpoint.id(), endpoint.businessId(), endpoint.scheme(),
                    List.of("not-the-secret-" + random()));
            PaymentWebhooks.Signed forged = PaymentWebhooks.signedPayment(impostor, reference(), null);
            assertNothingPublishedBy(() -> post(endpoint, forged), 401);
            assertNothingPublishedBy(() -> post(endpoint, webhook.withHeader(headerOf(webhook), "0".repeat(128))), 401);
        }
    }

    @Test
    void webhookSignedWithAnotherBusinesssSecretIsUnauthorized() {
        Endpoint otherBusiness = CommerceStub.register(VerificationScheme.PAYSTACK_HMAC_SHA512, "sk_test_" + random());
        PaymentWebhooks.Signed theirs = PaymentWebhooks.signedPayment(otherBusiness, reference(), null);

        assertNothingPublishedBy(() -> post(paystack, theirs), 401);
    }

    @Test
    void truncatedSignatureIsUnauthorized() {
        for (Endpoint endpoint : all()) {
            PaymentWebhooks.Signed webhook = valid(endpoint);
            String signature = webhook.headers().get(headerOf(webhook));
            assertNothingPublishedBy(() -> post(endpoint,
                    webhook.withHeader(headerOf(webhook), signature.substring(0, signature.length() - 4))), 401);
        }
    }

    @Test
    void bodyChangedAfterSigningIsUnauthorized() {
        // Flutterwave's verif-hash does not sign the body (PROVIDERS.md §3): only its body-signature scheme can tell.
        for (Endpoint endpoint : List.of(paystack, flutterwaveSigned, stripe)) {
            PaymentWebhooks.Signed webhook = valid(endpoint);
            String tampered = webhook.json().replaceFirst("\"(amount|amount_total)\":(\\d+)", "\"$1\":1$2");
            assertThat(tampered).isNotEqualTo(webhook.json());
            assertNothingPublishedBy(() -> post(endpoint, webhook.withBody(tampered)), 401);
        }
    }

    @Test
    void stripeSignatureOlderThanFiveMinutesIsUnauthorized() {
        PaymentWebhooks.Signed stale = PaymentWebhooks.stripe(stripe.secret(), PaymentWebhooks.stripeSessionEvent(
                "evt_old", "checkout.session.completed", "cs_test_" + random(), null, 5000L, "usd", "paid", "pi_old",
                false), Instant.now().getEpochSecond() - 301);

        assertNothingPublishedBy(() -> post(stripe, stale), 401);
    }

    @Test
    void endpointOfAnotherProviderIsNotFound() {
        PaymentWebhooks.Signed paystackWebhook = valid(paystack);
        assertNothingPublishedBy(() -> providers.post("stripe", paystack.id(), paystackWebhook), 404);
        assertNothingPublishedBy(() -> providers.post("flutterwave", paystack.id(), paystackWebhook), 404);
        PaymentWebhooks.Signed stripeWebhook = valid(stripe);
        assertNothingPublishedBy(() -> providers.post("paystack", stripe.id(), stripeWebhook), 404);
    }

    @Test
    void unknownEndpointIdIsNotFound() {
        String unknown = CommerceStub.unknown();
        PaymentWebhooks.Signed webhook = valid(paystack);

        assertNothingPublishedBy(() -> providers.post("paystack", unknown, webhook), 404);
        // Not even shaped like an endpoint id: refused without asking commerce.
        assertNothingPublishedBy(() -> providers.post("paystack", "pe_short", webhook), 404);
        assertNothingPublishedBy(() -> providers.post("paystack", paystack.id() + "0", webhook), 404);
    }

    @Test
    void validSignatureOverInvalidJsonIsABadRequest() {
        for (Endpoint endpoint : all()) {
            for (String json : List.of("{\"event\":\"charge.success\",", "not json", "", "[1,2]", "{} trailing")) {
                Endpoint signer = endpoint;
                HttpResponse<String> response = assertNothingPublishedBy(() -> post(signer, signedAs(signer, json)), 400);
                assertThat(response.body()).contains("\"errors\"", "\"$\"");
            }
        }
    }

    @Test
    void validSignatureOverAnEventMissingFieldsIsABadRequestListingThem() {
        String json = PaymentWebhooks.paystackChargeSuccess(1, "SLV-X", 10000, "NGN", null)
                .replace("\"reference\":\"SLV-X\",", "").replace("\"currency\":\"NGN\"", "\"currency\":\"naira\"");

        HttpResponse<String> response = assertNothingPublishedBy(() -> post(paystack,
                PaymentWebhooks.paystack(paystack.secret(), json)), 400);

        assertThat(response.body()).contains("\"data.reference\":\"missing\"", "\"data.currency\"");
    }

    @Test
    void bodyOverOneMebibyteIsTooLarge() {
        for (Endpoint endpoint : all()) {
            byte[] body = new byte[ONE_MIB + 1];
            Arrays.fill(body, (byte) ' ');
            PaymentWebhooks.Signed signed = signedAs(endpoint, new String(body, StandardCharsets.UTF_8));
            assertNothingPublishedBy(() -> post(endpoint, signed), 413);
        }
    }

    // --- helpers

    private HttpResponse<String> assertNothingPublishedBy(Supplier<HttpResponse<String>> request, int expectedStatus) {
        try (TopicProbe events = TopicProbe.from(TOPIC)) {
            HttpResponse<String> response = request.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
            if (expectedStatus != 200) {
                assertThat(response.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                all().forEach(endpoint -> endpoint.secrets()
                        .forEach(secret -> assertThat(response.body()).doesNotContain(secret)));
            }
            // A later valid webhook bounds the wait: up to it, only it arrived (and the next request succeeds).
            String marker = reference();
            assertThat(post(paystack, PaymentWebhooks.signedPayment(paystack, marker, null)).statusCode())
                    .isEqualTo(200);
            events.await(r -> hasReference(r, marker));
            assertThat(events.values(PaymentEventReceived.class)).extracting(PaymentEventReceived::getReference)
                    .containsExactly(marker);
            return response;
        }
    }

    private PaymentEventReceived publishedBy(Endpoint endpoint, PaymentWebhooks.Signed webhook, String reference) {
        try (TopicProbe events = TopicProbe.from(TOPIC)) {
            HttpResponse<String> response = post(endpoint, webhook);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            ConsumerRecord<String, Object> record = events.await(r -> hasReference(r, reference));
            assertThat(record.key()).isEqualTo(reference);
            assertThat(((PaymentEventReceived) record.value()).getEndpointId()).isEqualTo(endpoint.id());
            return (PaymentEventReceived) record.value();
        }
    }

    private HttpResponse<String> post(Endpoint endpoint, PaymentWebhooks.Signed webhook) {
        return providers.post(endpoint.segment(), endpoint.id(), webhook);
    }

    /** {@code json} signed for {@code endpoint} by its scheme, whatever it contains. */
    private static PaymentWebhooks.Signed signedAs(Endpoint endpoint, String json) {
        return switch (endpoint.scheme()) {
            case PAYSTACK_HMAC_SHA512 -> PaymentWebhooks.paystack(endpoint.secret(), json);
            case FLUTTERWAVE_VERIF_HASH -> PaymentWebhooks.flutterwaveVerifHash(endpoint.secret(), json);
            case FLUTTERWAVE_HMAC_SHA256 -> PaymentWebhooks.flutterwaveHmac(endpoint.secret(), json);
            case STRIPE_SIGNATURE -> PaymentWebhooks.stripe(endpoint.secret(), json, Instant.now().getEpochSecond());
        };
    }

    private static String headerOf(PaymentWebhooks.Signed webhook) {
        return webhook.headers().keySet().iterator().next();
    }

    private List<Endpoint> all() {
        return List.of(paystack, flutterwave, flutterwaveSigned, stripe);
    }

    private static PaymentWebhooks.Signed valid(Endpoint endpoint) {
        return PaymentWebhooks.signedPayment(endpoint, reference(), null);
    }

    private static boolean hasReference(ConsumerRecord<String, Object> record, String reference) {
        return record.value() instanceof PaymentEventReceived event && reference.equals(event.getReference());
    }

    static String reference() {
        return "SLV-" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
