package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The built console served at / from a console folder, beside the routes to the services. */
class ConsoleTest extends RunningGateway {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Map<String, StubService> SERVICES = Map.of(
            "identity", new StubService("identity"),
            "conversation", new StubService("conversation"),
            "notification", new StubService("notification"),
            "ingest", new StubService("ingest"));

    private static final String TOKEN = TestTokens.valid();

    @DynamicPropertySource
    static void upstreamsAndConsole(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_IDENTITY_URL", SERVICES.get("identity")::url);
        registry.add("SELLAVIE_CONVERSATION_URL", SERVICES.get("conversation")::url);
        registry.add("SELLAVIE_NOTIFICATION_URL", SERVICES.get("notification")::url);
        registry.add("SELLAVIE_INGEST_URL", SERVICES.get("ingest")::url);
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

    @Test
    void servesIndexHtmlAtTheRootRevalidatedOnEveryUse() throws Exception {
        HttpResponse<String> response = get("/", "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TestConsole.INDEX_HTML);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/inbox", "/conversations/0190c0de-0000-7000-8000-000000000001", "/signup"})
    void browserNavigationToAnAppRouteGetsIndexHtml(String path) throws Exception {
        HttpResponse<String> response = get(path, BROWSER_ACCEPT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TestConsole.INDEX_HTML);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void servesAHashedAssetCachedForAYear() throws Exception {
        HttpResponse<String> response = get(TestConsole.SCRIPT_PATH, "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TestConsole.SCRIPT);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValue("max-age=31536000, public, immutable");
    }

    @Test
    void unchangedFileAnswersNotModified() throws Exception {
        String etag = get(TestConsole.SCRIPT_PATH, "*/*").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri(TestConsole.SCRIPT_PATH))
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void unhashedPublicFileIsServedAndRevalidated() throws Exception {
        HttpResponse<String> response = get("/favicon.svg", "*/*");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @ParameterizedTest
    @CsvSource({
            "/assets/index-gone.js, text/html",
            "/inbox, application/json",
            "/logo.png, */*"})
    void missingFileThatIsNotABrowserNavigationIsNotFound(String path, String accept) throws Exception {
        HttpResponse<String> response = get(path, accept);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("sellavie-console");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/notifications, notification",
            "/api/conversations/42, conversation",
            "/.well-known/jwks.json, identity",
            "/webhooks/meta, ingest"})
    void servicePathsStillRouteToTheirServicesEvenForBrowsers(String path, String service) throws Exception {
        HttpResponse<String> response = get(path, BROWSER_ACCEPT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(service);
        assertThat(SERVICES.get(service).received()).containsExactly("GET " + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/api/unknown", "/internal/x", "/actuator/env"})
    void unknownServiceAndGatewayPathsAreNeverTheConsole(String path) throws Exception {
        HttpResponse<String> response = get(path, BROWSER_ACCEPT);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("sellavie-console");
    }

    @Test
    void actuatorIsNeitherServedHereNorTheConsole() throws Exception {
        HttpResponse<String> response = get("/actuator/health", BROWSER_ACCEPT + ",application/json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("sellavie-console", "\"status\"");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept)
                        .header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
