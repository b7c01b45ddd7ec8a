package com.sellavie.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.gateway.GatewayApplication;
import com.sellavie.gateway.StubService;
import com.sellavie.gateway.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances in front of the same services share their buckets through the machine's
 * Redis: what one instance let through counts at the other. Small buckets (3 requests, then one
 * every 10 s: each request costs 10 tokens, one token comes back per second) so the limit is
 * reached in a few calls, however slow this machine is.
 */
class SharedRateLimitTest {

    private static final StubService IDENTITY = new StubService("identity");
    private static final StubService CONVERSATION = new StubService("conversation");
    private static final StubService INGEST = new StubService("ingest");
    private static final String SHARED_PREFIX = "sellavie:test-ratelimit:" + UUID.randomUUID();

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoGateways() {
        first = start();
        second = start();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--server.shutdown=immediate",
                "--SELLAVIE_IDENTITY_URL=" + IDENTITY.url(),
                "--SELLAVIE_CONVERSATION_URL=" + CONVERSATION.url(),
                "--SELLAVIE_INGEST_URL=" + INGEST.url(),
                "--sellavie.gateway.jwt.jwk-set-uri=" + TestTokens.jwksUrl(),
                "--sellavie.gateway.rate-limit.key-prefix=" + SHARED_PREFIX,
                "--sellavie.gateway.rate-limit.auth.replenish-rate=1",
                "--sellavie.gateway.rate-limit.auth.burst-capacity=30",
                "--sellavie.gateway.rate-limit.auth.requested-tokens=10",
                "--sellavie.gateway.rate-limit.api.replenish-rate=1",
                "--sellavie.gateway.rate-limit.api.burst-capacity=30",
                "--sellavie.gateway.rate-limit.api.requested-tokens=10");
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        List.of(IDENTITY, CONVERSATION, INGEST).forEach(StubService::close);
    }

    @BeforeEach
    void forget() {
        List.of(IDENTITY, CONVERSATION, INGEST).forEach(StubService::forget);
    }

    @Test
    void loginAttemptsFromOneAddressAreLimitedAcrossInstancesWithRetryAfter() throws Exception {
        // 127.0.0.2 is this machine too, but another client address than the other tests' 127.0.0.1.
        for (ConfigurableApplicationContext gateway : List.of(first, second, first)) {
            assertThat(send(gateway, "127.0.0.2", "POST", "/api/auth/login", null).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = send(second, "127.0.0.2", "POST", "/api/auth/login", null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 10));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(IDENTITY.received()).hasSize(3);
    }

    @Test
    void webhooksAreNotStarvedByExhaustedLoginLimits() throws Exception {
        for (int i = 0; i < 5; i++) {
            send(i % 2 == 0 ? first : second, "127.0.0.3", "POST", "/api/auth/login", null);
        }
        assertThat(send(first, "127.0.0.3", "POST", "/api/auth/signup", null).statusCode()).isEqualTo(429);

        for (int i = 0; i < 10; i++) {
            assertThat(send(i % 2 == 0 ? first : second, "127.0.0.3", "POST", "/webhooks/meta", null).statusCode())
                    .isEqualTo(200);
        }
        assertThat(INGEST.received()).hasSize(10);
    }

    @Test
    void metaCallbacksReachIdentityWithoutATokenAndAreNotStarvedByExhaustedLoginLimits() throws Exception {
        for (int i = 0; i < 5; i++) {
            send(i % 2 == 0 ? first : second, "127.0.0.5", "POST", "/api/auth/login", null);
        }
        assertThat(send(first, "127.0.0.5", "POST", "/api/auth/login", null).statusCode()).isEqualTo(429);
        IDENTITY.forget();

        for (int i = 0; i < 6; i++) {
            assertThat(send(i % 2 == 0 ? first : second, "127.0.0.5", "POST",
                    i % 3 == 0 ? "/meta/deauthorize" : "/meta/data-deletion", null).statusCode()).isEqualTo(200);
        }
        assertThat(IDENTITY.received()).hasSize(6);
        // The public deletion-status page is identity's (not the console's), limited per client address.
        assertThat(send(first, "127.0.0.6", "GET", "/privacy/deletion-status/abc", null).statusCode()).isEqualTo(200);
        assertThat(IDENTITY.received()).hasSize(7);
        assertThat(send(first, "127.0.0.5", "GET", "/privacy/deletion-status/abc", null).statusCode()).isEqualTo(429);
    }

    @Test
    void apiCallsAreLimitedPerBusinessAcrossInstances() throws Exception {
        String busy = TestTokens.valid(UUID.randomUUID().toString());
        String other = TestTokens.valid(UUID.randomUUID().toString());
        for (ConfigurableApplicationContext gateway : List.of(first, second, first)) {
            assertThat(send(gateway, "127.0.0.4", "GET", "/api/conversations", busy).statusCode()).isEqualTo(200);
        }

        assertThat(send(second, "127.0.0.4", "GET", "/api/conversations", busy).statusCode()).isEqualTo(429);
        // Same client address, another business: its own bucket.
        assertThat(send(second, "127.0.0.4", "GET", "/api/conversations", other).statusCode()).isEqualTo(200);
        assertThat(CONVERSATION.received()).hasSize(4);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext gateway, String clientAddress, String method,
            String path, String token) throws Exception {
        String port = gateway.getEnvironment().getProperty("local.server.port");
        HttpClient client = clientAddress.equals("127.0.0.1") ? http : HttpClient.newBuilder()
                .localAddress(java.net.InetAddress.getByName(clientAddress)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
