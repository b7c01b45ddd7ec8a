package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /api/docs}: the Swagger UI, and each service's OpenAPI document routed to that service's
 * {@code /v3/api-docs}, both without a token. Stub upstreams stand in for the services, as in the other route
 * tests; the services' own tests check what their documents hold (ApiDocsCoverage).
 */
class ApiDocsTest extends RunningGateway {

    private static final Map<String, StubService> SERVICES = Map.of(
            "identity", new StubService("identity"),
            "ingest", new StubService("ingest"),
            "conversation", new StubService("conversation"),
            "ai", new StubService("ai"),
            "commerce", new StubService("commerce"),
            "notification", new StubService("notification"));

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_IDENTITY_URL", SERVICES.get("identity")::url);
        registry.add("SELLAVIE_INGEST_URL", SERVICES.get("ingest")::url);
        registry.add("SELLAVIE_CONVERSATION_URL", SERVICES.get("conversation")::url);
        registry.add("SELLAVIE_AI_URL", SERVICES.get("ai")::url);
        registry.add("SELLAVIE_COMMERCE_URL", SERVICES.get("commerce")::url);
        registry.add("SELLAVIE_NOTIFICATION_URL", SERVICES.get("notification")::url);
        TestTokens.register(registry);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        SERVICES.values().forEach(StubService::forget);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.values().forEach(StubService::close);
    }

    @ParameterizedTest
    @CsvSource({"identity, identity", "webhook-ingest, ingest", "conversation, conversation", "ai, ai",
            "commerce, commerce", "notification, notification"})
    void routesEachServicesDocumentToItsApiDocsWithoutAToken(String docs, String service) throws Exception {
        HttpResponse<String> response = get("/api/docs/" + docs);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(service);
        assertThat(SERVICES.get(service).received()).containsExactly("GET /v3/api-docs");
    }

    @Test
    void apiDocsOpenTheSwaggerUi() throws Exception {
        HttpResponse<String> entry = get("/api/docs");
        HttpResponse<String> page = get(entry.headers().firstValue("Location").orElseThrow());

        assertThat(entry.statusCode()).isBetween(301, 308);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("swagger-ui");
        assertThat(SERVICES.values()).allSatisfy(service -> assertThat(service.received()).isEmpty());
    }

    @Test
    void theUiListsEveryServicesDocument() throws Exception {
        HttpResponse<String> initializer = get("/api/docs/swagger-ui/swagger-initializer.js");
        HttpResponse<String> config = get("/api/docs/gateway/swagger-config");

        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("/api/docs/gateway/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"/api/docs/identity\"", "\"/api/docs/webhook-ingest\"",
                "\"/api/docs/conversation\"", "\"/api/docs/ai\"", "\"/api/docs/commerce\"",
                "\"/api/docs/notification\"");
    }

    @Test
    void anUnknownServiceHasNoDocument() throws Exception {
        HttpResponse<String> response = get("/api/docs/payments");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SERVICES.values()).allSatisfy(service -> assertThat(service.received()).isEmpty());
    }

    /** Without a token, as a reader of the docs comes. */
    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
