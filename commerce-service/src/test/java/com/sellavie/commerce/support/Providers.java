package com.sellavie.commerce.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * A business's payment provider, configured through the real settings API with a key of its own, and
 * that provider's checkout endpoint stubbed for that key only (PROVIDERS.md sections 2-4 shapes), so
 * tests sharing the WireMock servers never answer each other's calls.
 */
public final class Providers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Providers() {
    }

    /** Configures PAYSTACK, FLUTTERWAVE or STRIPE as the business's default provider; returns its secret key. */
    public static String configure(int port, UUID business, String provider) {
        String hex = HexFormat.of().formatHex(RANDOM.generateSeed(20));
        String secret = switch (provider) {
            case "PAYSTACK", "STRIPE" -> "sk_test_" + hex;
            case "FLUTTERWAVE" -> "FLWSECK_TEST-" + hex + "-X";
            default -> throw new IllegalArgumentException(provider);
        };
        String body = switch (provider) {
            case "PAYSTACK" -> "{\"secretKey\":\"" + secret + "\",\"publicKey\":\"pk_test_" + hex
                    + "\",\"mode\":\"TEST\",\"currency\":\"NGN\",\"isDefault\":true}";
            case "FLUTTERWAVE" -> "{\"secretKey\":\"" + secret + "\",\"webhookSecret\":\"a-long-random-secret-hash-"
                    + hex + "\",\"mode\":\"TEST\",\"currency\":\"NGN\",\"isDefault\":true}";
            default -> "{\"secretKey\":\"" + secret + "\",\"webhookSecret\":\"whsec_" + hex
                    + "\",\"mode\":\"TEST\",\"currency\":\"USD\",\"isDefault\":true}";
        };
        Api.Response saved = Api.asOwnerOf(port, business).put("/api/payments/providers/" + provider, body);
        assertThat(saved.status()).as(saved.body()).isIn(200, 201);
        return secret;
    }

    public static MappingBuilder paystackInitialize(String secret) {
        return post("/transaction/initialize").withHeader("Authorization", equalTo("Bearer " + secret));
    }

    public static MappingBuilder flutterwavePayments(String secret) {
        return post("/v3/payments").withHeader("Authorization", equalTo("Bearer " + secret));
    }

    public static MappingBuilder stripeSessions(String secret) {
        return post("/v1/checkout/sessions").withHeader("Authorization", equalTo("Bearer " + secret));
    }

    public static ResponseDefinitionBuilder paystackLink(String accessCode) {
        return okJson("{\"status\":true,\"message\":\"Authorization URL created\",\"data\":{\"authorization_url\":"
                + "\"https://checkout.paystack.com/" + accessCode + "\",\"access_code\":\"" + accessCode
                + "\",\"reference\":\"ignored\"}}");
    }

    public static ResponseDefinitionBuilder flutterwaveLink(String id) {
        return okJson("{\"status\":\"success\",\"message\":\"Hosted Link\",\"data\":{\"link\":"
                + "\"https://checkout.flutterwave.com/v3/hosted/pay/flwlnk-" + id + "\"}}");
    }

    public static ResponseDefinitionBuilder stripeSession(String sessionId) {
        return okJson("{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\",\"mode\":\"payment\","
                + "\"status\":\"open\",\"payment_status\":\"unpaid\",\"url\":\"https://checkout.stripe.com/c/pay/"
                + sessionId + "\"}");
    }

    public static ResponseDefinitionBuilder paystackInvalidKey() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":false,\"message\":\"Invalid key\"}");
    }

    public static ResponseDefinitionBuilder serverError() {
        return aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":false,\"message\":\"An error occurred\"}");
    }

    /** Stubs PAYSTACK's initialize for the key to answer a link at once. */
    public static void paystackAnswers(String secret, String accessCode) {
        ProviderStubs.PAYSTACK.stubFor(paystackInitialize(secret).willReturn(paystackLink(accessCode)));
    }
}
