package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class GatewayApplicationTest extends RunningGateway {

    private static final Map<String, StubService> SERVICES = Map.of(
            "identity", new StubService("identity"),
            "conversation", new StubService("conversation"),
            "notification", new StubService("notification"),
            "ai", new StubService("ai"),
            "ingest", new StubService("ingest"));

    private static final int ONE_MIB = 1024 * 1024;
    private static final int FOUR_MIB = 4 * ONE_MIB;

    @LocalManagementPort
    private int managementPort;

    private final String token = TestTokens.valid();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_IDENTITY_URL", SERVICES.get("identity")::url);
        registry.add("SELLAVIE_CONVERSATION_URL", SERVICES.get("conversation")::url);
        registry.add("SELLAVIE_NOTIFICATION_URL", SERVICES.get("notification")::url);
        registry.add("SELLAVIE_INGEST_URL", SERVICES.get("ingest")::url);
        registry.add("SELLAVIE_AI_URL", SERVICES.get("ai")::url);
        registry.add("sellavie.gateway.console-dir", () -> TestConsole.build().toString());
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
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void answersHealthUpOnTheManagementPort(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + path)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus", "/actuator/info",
            "/actuator/env"})
    void publicPortHasNoActuator(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("\"UP\"", "jvm_");
    }

    @Test
    void managementPortServesPrometheusWithoutHealthDetails() throws Exception {
        HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_");
        assertThat(health.body()).doesNotContain("components", "details");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/auth/login, identity",
            "/api/me, identity",
            "/api/me/businesses, identity",
            "/api/members, identity",
            "/api/members/42, identity",
            "/api/invitations, identity",
            "/api/ai/knowledge, ai",
            "/.well-known/jwks.json, identity",
            "/api/channels/42, conversation",
            "/api/conversations?status=open, conversation",
            "/api/handoff/settings, conversation",
            "/api/contacts/42, conversation",
            "/api/sandbox/messages, ingest",
            "/api/sandbox/conversation, conversation",
            "/api/notifications/unread, notification",
            "/api/notification-preferences, notification",
            "/webhooks/meta, ingest"})
    void routesEachPublicPrefixToItsService(String path, String service) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(service);
        assertThat(SERVICES.get(service).received()).containsExactly("GET " + URI.create(path).getRawPath());
    }

    @Test
    void tellsTheServiceTheClientsAddressAndNeverAForgedOne() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/auth/login"))
                .header("X-Forwarded-For", "203.0.113.66, 198.51.100.1").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVICES.get("identity").receivedForwardedFor()).containsExactly("127.0.0.1");
    }

    @Test
    void forwardsWebhookBodiesUnchanged() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/webhooks/meta"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"page\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("ingest");
        assertThat(SERVICES.get("ingest").received()).containsExactly("POST /webhooks/meta");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/internal/privacy/tasks",
            "/internal",
            "//internal/x",
            "/api/auth/../../internal/x",
            "/api/auth/%2e%2e/%2e%2e/internal/x",
            "/api/conversations/..%2F..%2Finternal/x"})
    void neverRoutesInternalPaths(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SERVICES.values()).allSatisfy(service -> assertThat(service.received()).isEmpty());
    }

    /** Operator endpoints (/ops/**) live on each service's own port; no path through the gateway reaches them. */
    @ParameterizedTest
    @ValueSource(strings = {
            "/ops/dead-letters",
            "/ops/unroutable",
            "/ops/relay-dead-letters",
            "/ops/dead-letters/ai.replies/replay",
            "/OPS/unroutable",
            "//ops/unroutable",
            "/webhooks/../ops/unroutable",
            "/webhooks/%2e%2e/ops/unroutable",
            "/api/conversations/..%2F..%2Fops/dead-letters"})
    void neverRoutesOperatorPaths(String path) throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer some-operator-token").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer some-operator-token").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        // /ops/** is not the console's either: 404. An odd spelling may get the console's page (its
        // fallback for unknown paths) or 400 (Spring Security's firewall refuses "//"), never a service.
        assertThat(get.statusCode()).isIn(200, 400, 404);
        if (path.startsWith("/ops/")) {
            assertThat(get.statusCode()).isEqualTo(404);
        }
        assertThat(get.body()).isNotIn(SERVICES.keySet());
        assertThat(post.statusCode()).isEqualTo(path.startsWith("//") ? 400 : 404);
        assertThat(SERVICES.values()).allSatisfy(service -> assertThat(service.received()).isEmpty());
    }

    @Test
    void answersNotFoundForUnroutedPaths() throws Exception {
        assertThat(get("/api/unknown").statusCode()).isEqualTo(404);
        assertThat(SERVICES.values()).allSatisfy(service -> assertThat(service.received()).isEmpty());
    }

    @Test
    void webhookBodyOverFourMiBIsRefusedWith413AndNeverForwarded() throws Exception {
        HttpResponse<String> response = post("/webhooks/meta", new byte[FOUR_MIB + 1]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(SERVICES.get("ingest").received()).isEmpty();
    }

    @Test
    void webhookBodyOfExactlyFourMiBIsForwardedWhole() throws Exception {
        HttpResponse<String> response = post("/webhooks/meta", new byte[FOUR_MIB]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVICES.get("ingest").receivedBodySizes()).containsExactly(FOUR_MIB);
    }

    @Test
    void apiBodyOverOneMiBIsRefusedWith413AndNeverForwarded() throws Exception {
        HttpResponse<String> response = post("/api/channels", new byte[ONE_MIB + 1]);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(SERVICES.get("conversation").received()).isEmpty();
    }

    @Test
    void apiBodyUnderOneMiBIsForwarded() throws Exception {
        HttpResponse<String> response = post("/api/channels", new byte[ONE_MIB]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVICES.get("conversation").receivedBodySizes()).containsExactly(ONE_MIB);
    }

    @Test
    void chunkedWebhookBodyOverFourMiBIsCutOffWith413() throws Exception {
        // No Content-Length: the limit is enforced while the body streams through
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/webhooks/meta"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(new byte[FOUR_MIB + 64 * 1024]))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(SERVICES.get("ingest").receivedBodySizes()).allSatisfy(size -> assertThat(size).isLessThan(FOUR_MIB + 64 * 1024));
    }

    /**
     * Sends {@code Expect: 100-continue}, as HTTP clients do for large bodies: a refusal on the
     * declared length then reaches the client before it writes the body, instead of racing the
     * connection close against a body still being written.
     */
    private HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).expectContinue(true)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
