package com.sellavie.commerce.payment.settings;

import static com.sellavie.commerce.payment.settings.Keys.FLUTTERWAVE_SECRET_HASH;
import static com.sellavie.commerce.payment.settings.Keys.PAYSTACK_TEST_SECRET;
import static com.sellavie.commerce.payment.settings.Keys.STRIPE_TEST_SECRET;
import static com.sellavie.commerce.payment.settings.Keys.STRIPE_WEBHOOK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.platform.test.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /internal/payment-endpoints/{endpointId}}, over real HTTP, as ingest calls it. */
@CommerceServiceTest
class PaymentEndpointApiTest {

    private static final String PROVIDERS = "/api/payments/providers";

    @LocalServerPort
    int port;

    @Test
    void eachProvidersEndpointAnswersItsBusinessSchemeAndVerificationSecret() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        String paystack = endpointIdOf(owner.put(PROVIDERS + "/PAYSTACK", Keys.paystack(PAYSTACK_TEST_SECRET, "TEST",
                null)));
        String flutterwave = endpointIdOf(owner.put(PROVIDERS + "/FLUTTERWAVE", Keys.flutterwave("HMAC_SHA256")));
        String stripe = endpointIdOf(owner.put(PROVIDERS + "/STRIPE", Keys.stripe(STRIPE_TEST_SECRET,
                STRIPE_WEBHOOK_SECRET, null)));

        Api.Response paystackEndpoint = Api.asService(port).get("/internal/payment-endpoints/" + paystack);

        assertThat(paystackEndpoint.status()).isEqualTo(200);
        assertThat(paystackEndpoint.cacheControl()).contains("no-store");
        JsonNode body = paystackEndpoint.json();
        assertThat(body.get("endpointId").asString()).isEqualTo(paystack);
        assertThat(body.get("businessId").asString()).isEqualTo(business.toString());
        assertThat(body.get("provider").asString()).isEqualTo("PAYSTACK");
        assertThat(body.get("mode").asString()).isEqualTo("TEST");
        assertThat(body.get("scheme").asString()).isEqualTo("PAYSTACK_HMAC_SHA512");
        assertThat(body.get("secrets").valueStream().map(JsonNode::asString)).containsExactly(PAYSTACK_TEST_SECRET);
        JsonNode flutterwaveBody = Api.asService(port).get("/internal/payment-endpoints/" + flutterwave).json();
        assertThat(flutterwaveBody.get("scheme").asString()).isEqualTo("FLUTTERWAVE_HMAC_SHA256");
        assertThat(flutterwaveBody.get("secrets").valueStream().map(JsonNode::asString))
                .containsExactly(FLUTTERWAVE_SECRET_HASH);
        JsonNode stripeBody = Api.asService(port).get("/internal/payment-endpoints/" + stripe).json();
        assertThat(stripeBody.get("scheme").asString()).isEqualTo("STRIPE_SIGNATURE");
        assertThat(stripeBody.get("secrets").valueStream().map(JsonNode::asString))
                .containsExactly(STRIPE_WEBHOOK_SECRET);
    }

    @Test
    void flutterwaveDefaultsToTheVerifHashScheme() {
        Api owner = Api.asOwnerOf(port, UUID.randomUUID());
        String endpointId = endpointIdOf(owner.put(PROVIDERS + "/FLUTTERWAVE", Keys.flutterwave(null)));

        JsonNode body = Api.asService(port).get("/internal/payment-endpoints/" + endpointId).json();

        assertThat(body.get("scheme").asString()).isEqualTo("FLUTTERWAVE_VERIF_HASH");
        assertThat(owner.get(PROVIDERS).json().get(0).get("webhookSignatureScheme").asString()).isEqualTo("VERIF_HASH");
    }

    @Test
    void anUnknownEndpointIdIsNotFound() {
        Api service = Api.asService(port);

        Api.Response unknown = service.get("/internal/payment-endpoints/pe_000000000000000000000000");
        Api.Response malformed = service.get("/internal/payment-endpoints/not-an-endpoint-id");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("application/problem+json");
        assertThat(malformed.status()).isEqualTo(404);
    }

    @Test
    void onlyTheServiceTokenOpensIt() {
        UUID business = UUID.randomUUID();
        String endpointId = endpointIdOf(Api.asOwnerOf(port, business).put(PROVIDERS + "/PAYSTACK",
                Keys.paystack(PAYSTACK_TEST_SECRET, "TEST", null)));
        String path = "/internal/payment-endpoints/" + endpointId;

        Api.Response anonymous = Api.anonymous(port).get(path);
        Api.Response wrongToken = Api.withAuthorization(port, "Bearer not-the-service-token-at-all").get(path);
        Api.Response merchant = Api.withAuthorization(port, "Bearer " + TestTokens.ownerOf(business)).get(path);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(merchant.status()).isEqualTo(401);
        assertThat(anonymous.body() + wrongToken.body() + merchant.body()).doesNotContain(PAYSTACK_TEST_SECRET);
    }

    private static String endpointIdOf(Api.Response saved) {
        assertThat(saved.status()).isEqualTo(201);
        return saved.json().get("endpointId").asString();
    }
}
