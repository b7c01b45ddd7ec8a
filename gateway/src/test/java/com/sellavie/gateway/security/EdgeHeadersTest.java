package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.gateway.RunningGateway;
import com.sellavie.gateway.StubService;
import com.sellavie.gateway.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Security headers on every answer, CORS for the configured console origin only, scanner paths never routed. */
@TestPropertySource(properties = "sellavie.gateway.cors.console-origin=https://console.example.com")
class EdgeHeadersTest extends RunningGateway {

    private static final StubService CONVERSATION = new StubService("conversation");
    private static final StubService INGEST = new StubService("ingest");
    private static final StubService IDENTITY = new StubService("identity");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) throws Exception {
        registry.add("SELLAVIE_CONVERSATION_URL", CONVERSATION::url);
        registry.add("SELLAVIE_INGEST_URL", INGEST::url);
        registry.add("SELLAVIE_IDENTITY_URL", IDENTITY::url);
        Path console = Files.createDirectories(Path.of("target/test-consoles/headers"));
        Files.writeString(console.resolve("index.html"), "<!doctype html><title>sellavie-console</title>");
        Files.writeString(console.resolve("info.php"), "<?php phpinfo();");
        registry.add("sellavie.gateway.console-dir", console::toString);
        TestTokens.register(registry);
    }

    @BeforeEach
    void forget() {
        CONVERSATION.forget();
        INGEST.forget();
        IDENTITY.forget();
    }

    @AfterAll
    static void stop() {
        CONVERSATION.close();
        INGEST.close();
        IDENTITY.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/conversations", "/api/me", "/nowhere/at/all.txt"})
    void everyAnswerCarriesTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html").header("Authorization", "Bearer " + TestTokens.valid()).GET());

        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void refusedRequestsCarryThemToo() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/conversations")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void preflightFromTheConsoleOriginIsAllowed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/conversations"))
                .header("Origin", "https://console.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://console.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(CONVERSATION.received()).isEmpty();
    }

    @Test
    void preflightFromAnotherOriginIsRefused() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/conversations"))
                .header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(CONVERSATION.received()).isEmpty();
    }

    @Test
    void crossOriginCallFromAnotherOriginGetsNoCorsGrant() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/conversations"))
                .header("Origin", "https://evil.example.net")
                .header("Authorization", "Bearer " + TestTokens.valid()).GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(CONVERSATION.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.env", "/.git/config", "/api/.env", "/wp-admin/", "/wp-login.php", "/info.php",
            "/webhooks/x.php", "/cgi-bin/test", "/webhooks/../.env", "/api/auth/%2e%2e/%2e%2e/etc/passwd",
            "/.aws/credentials"})
    void scannerPathsAnswerAnEmpty404AndAreCounted(String path) throws Exception {
        double before = blocked();

        HttpResponse<String> get = send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Authorization", "Bearer " + TestTokens.valid()).GET());
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.body()).isEmpty();
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(blocked()).isEqualTo(before + 2);
        assertThat(CONVERSATION.received()).isEmpty();
        assertThat(INGEST.received()).isEmpty();
        assertThat(IDENTITY.received()).isEmpty();
    }

    @Test
    void jwksIsNotMistakenForADotFile() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/.well-known/jwks.json")).GET()).statusCode()).isEqualTo(200);
        assertThat(IDENTITY.received()).containsExactly("GET /.well-known/jwks.json");
    }

    private double blocked() {
        return meters.find("sellavie.gateway.scanner.blocked").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
