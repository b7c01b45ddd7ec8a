package com.sellavie.systemtests.stack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe, Paystack and Flutterwave as one WireMock server, shaped like PROVIDERS.md §2–4: Stripe's
 * Checkout Session creation (form-encoded, answered with the Session and its {@code url}), Paystack's
 * {@code /transaction/initialize} and Flutterwave's {@code /v3/payments} (answered with their hosted
 * links), and, per transaction a journey stubs, their verify endpoints. Every call is kept, so journeys can see what commerce asked for and which link it got.
 */
public final class PaymentProviderApis implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String STRIPE_SESSIONS = "/v1/checkout/sessions";
    static final String PAYSTACK_INITIALIZE = "/transaction/initialize";
    static final String FLUTTERWAVE_PAYMENTS = "/v3/payments";

    private final WireMockServer server;

    private PaymentProviderApis(WireMockServer server) {
        this.server = server;
    }

    static PaymentProviderApis start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20));
        server.start();
        stubStripeSessions(server, 0);
        server.stubFor(post(urlPathEqualTo(PAYSTACK_INITIALIZE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":true,\"message\":\"Authorization URL created\",\"data\":{"
                        + "\"authorization_url\":\"https://checkout.paystack.com/{{randomValue length=14 type='ALPHANUMERIC'}}\","
                        + "\"access_code\":\"{{randomValue length=14 type='ALPHANUMERIC'}}\","
                        + "\"reference\":\"{{jsonPath request.body '$.reference'}}\"}}")
                .withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo(FLUTTERWAVE_PAYMENTS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"success\",\"message\":\"Hosted Link\",\"data\":{\"link\":"
                        + "\"https://checkout.flutterwave.com/v3/hosted/pay/flwlnk-{{randomValue length=12 type='ALPHANUMERIC'}}\"}}")
                .withTransformers("response-template")));
        return new PaymentProviderApis(server);
    }

    /** Stripe answers every Checkout Session creation after {@code delay} (a provider's own latency). */
    public void stripeSessionDelay(java.time.Duration delay) {
        stubStripeSessions(server, (int) delay.toMillis());
    }

    private static void stubStripeSessions(WireMockServer server, int delayMillis) {
        String session = "cs_test_{{randomValue length=24 type='ALPHANUMERIC'}}";
        server.stubFor(post(urlPathEqualTo(STRIPE_SESSIONS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_{{randomValue length=14 type='ALPHANUMERIC'}}")
                .withBody("{{#assign 'id'}}" + session + "{{/assign}}"
                        + "{\"id\":\"{{id}}\",\"object\":\"checkout.session\",\"mode\":\"payment\",\"status\":\"open\","
                        + "\"payment_status\":\"unpaid\",\"livemode\":false,"
                        + "\"client_reference_id\":\"{{formData request.body 'form' urlDecode=true}}"
                        + "{{form.client_reference_id}}\","
                        + "\"url\":\"https://checkout.stripe.com/c/pay/{{id}}\"}")
                .withFixedDelay(delayMillis)
                .withTransformers("response-template")));
    }

    /**
     * Paystack's {@code GET /transaction/verify/{reference}} answers this transaction (PROVIDERS.md §2):
     * {@code status} "success" or "failed", the amount in kobo and the currency.
     */
    public void paystackVerifies(String reference, long transactionId, long amountMinor, String currency,
            String status) {
        server.stubFor(get(urlPathEqualTo("/transaction/verify/" + reference)).willReturn(okJson("""
                {"status":true,"message":"Verification successful","data":{"id":%d,"domain":"test","status":"%s",                "reference":"%s","amount":%d,"currency":"%s","gateway_response":"Successful","channel":"card"}}"""
                .formatted(transactionId, status, reference, amountMinor, currency))));
    }

    /**
     * Flutterwave's verify endpoints, by transaction id ({@code /v3/transactions/{id}/verify}) and by
     * reference ({@code /v3/transactions/verify_by_reference?tx_ref=}), answer this transaction
     * (PROVIDERS.md §3): {@code status} "successful" or "failed", the amount in major units.
     */
    public void flutterwaveVerifies(long transactionId, String txRef, String amountMajor, String currency,
            String status) {
        String body = """
                {"status":"success","message":"Transaction fetched successfully","data":{"id":%d,"tx_ref":"%s",                "flw_ref":"FLW-MOCK-%d","amount":%s,"currency":"%s","charged_amount":%s,"status":"%s",                "payment_type":"card"}}""".formatted(transactionId, txRef, transactionId, amountMajor, currency,
                amountMajor, status);
        server.stubFor(get(urlPathEqualTo("/v3/transactions/" + transactionId + "/verify")).willReturn(okJson(body)));
        server.stubFor(get(urlPathEqualTo("/v3/transactions/verify_by_reference")).withQueryParam("tx_ref",
                equalTo(txRef)).willReturn(okJson(body)));
    }

    /** How many times a provider's verify endpoint was called for this path prefix. */
    public long verifyCalls(String pathPrefix) {
        return server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(pathPrefix)).count();
    }

    /** The base URL for {@code SELLAVIE_STRIPE_URL}, {@code SELLAVIE_PAYSTACK_URL} and {@code SELLAVIE_FLUTTERWAVE_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Every Checkout Session Stripe was asked to create, oldest first. */
    public List<StripeSession> stripeSessions() {
        return calls(STRIPE_SESSIONS).stream().map(e -> new StripeSession(form(e.getRequest().getBodyAsString()),
                e.getRequest().getHeader("Idempotency-Key"), json(e.getResponse().getBodyAsString()))).toList();
    }

    /** A Checkout Session request as Stripe received it, and Stripe's answer. */
    public record StripeSession(Map<String, String> form, String idempotencyKey, JsonNode answer) {

        public String url() {
            return answer.path("url").asText();
        }
    }

    private List<ServeEvent> calls(String path) {
        return server.getAllServeEvents().stream()
                .filter(e -> path.equals(e.getRequest().getUrl().split("\\?")[0]))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
