package com.sellavie.ingest.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import com.sellavie.ingest.payment.endpoint.VerificationScheme;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A stand-in for commerce-service's {@code GET /internal/payment-endpoints/{endpointId}}, answering exactly the
 * shape contracts.md fixes. commerce is another Sellavie service and cannot run inside this module's tests; the
 * real call is exercised by system-tests. One WireMock per test JVM, and the service token ingest must send.
 */
public class CommerceStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SERVICE_TOKEN = "it-service-token-6c1f2b9e4a7d";
    static final WireMockServer COMMERCE = start();

    /** An endpoint commerce knows, with the business it belongs to and its secrets (current first). */
    record Endpoint(String id, UUID businessId, VerificationScheme scheme, List<String> secrets) {
        PaymentProvider provider() {
            return scheme.provider();
        }

        String segment() {
            return provider().pathSegment();
        }

        String secret() {
            return secrets.getFirst();
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("commerce-stub", Map.of(
                "sellavie.commerce.url", COMMERCE.baseUrl(),
                "sellavie.internal.token", SERVICE_TOKEN)));
    }

    /** A new endpoint of a new business, known to the stub from now on. */
    static Endpoint register(VerificationScheme scheme, String... secrets) {
        Endpoint endpoint = new Endpoint(PaymentWebhooks.endpointId(), UUID.randomUUID(), scheme, List.of(secrets));
        answerWith(endpoint);
        return endpoint;
    }

    /** commerce answers for {@code endpoint} (again, e.g. after failing on purpose). */
    static void answerWith(Endpoint endpoint) {
        answer(endpoint.id(), aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(json(endpoint)));
    }

    /**
     * Waits until a webhook goes through the whole path once. The first lookup of a cold JVM on a loaded machine
     * can outlast the 2 s read timeout (503, which a provider would simply retry); tests that count lookups or
     * expect a 200 at once start after it. Callers reset the circuit breaker afterwards.
     */
    static void warmUp(PaymentWebhookClient client) {
        Endpoint endpoint = register(VerificationScheme.PAYSTACK_HMAC_SHA512, "sk_test_warm_up_0a1b2c3d");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.post(endpoint.segment(), endpoint.id(), PaymentWebhooks.signedPayment(endpoint,
                        "SLV-WARMUP" + UUID.randomUUID().toString().replace("-", ""), null)).statusCode() == 200);
    }

    /** commerce's 404 for an id it does not know (or whose provider is no longer configured). */
    static String unknown() {
        String id = PaymentWebhooks.endpointId();
        answer(id, aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                        + "\"detail\":\"No such payment endpoint.\",\"instance\":\"/internal/payment-endpoints/" + id
                        + "\"}"));
        return id;
    }

    static void answer(String endpointId, ResponseDefinitionBuilder response) {
        COMMERCE.stubFor(get(urlPathEqualTo(path(endpointId))).willReturn(response));
    }

    static RequestPatternBuilder lookupsOf(String endpointId) {
        return getRequestedFor(urlPathEqualTo(path(endpointId)));
    }

    static int lookupCount(String endpointId) {
        return COMMERCE.findAll(lookupsOf(endpointId)).size();
    }

    private static String path(String endpointId) {
        return "/internal/payment-endpoints/" + endpointId;
    }

    private static String json(Endpoint endpoint) {
        return "{\"endpointId\":\"" + endpoint.id() + "\",\"businessId\":\"" + endpoint.businessId()
                + "\",\"provider\":\"" + endpoint.provider() + "\",\"mode\":\"TEST\",\"scheme\":\"" + endpoint.scheme()
                + "\",\"secrets\":[" + endpoint.secrets().stream().map(s -> "\"" + s + "\"")
                .collect(Collectors.joining(",")) + "]}";
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
