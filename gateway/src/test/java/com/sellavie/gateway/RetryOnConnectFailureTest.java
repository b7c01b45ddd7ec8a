package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code RetryOnConnectFailure} on the API routes: a request whose connection is refused goes to the next
 * instance with its body intact, whatever its method; a request that reached a service is never sent twice,
 * even when the service failed it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetryOnConnectFailureTest {

    private static final StubService GONE = new StubService("conversation-gone");
    private static final StubService CONVERSATION = new StubService("conversation");
    private static final AtomicInteger FAILED_ORDERS = new AtomicInteger();
    private static final HttpServer FAILING_COMMERCE = failingService();
    private static final String TOKEN = TestTokens.valid();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        // conversation: two instances, one of which dies in the test; readiness is checked once an hour here, so
        // the gateway still lists it afterwards (as in the seconds before a real check notices)
        StubService.registerInstances(registry, "conversation", GONE, CONVERSATION);
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "1h");
        registry.add("SELLAVIE_COMMERCE_URL", () -> "http://127.0.0.1:" + FAILING_COMMERCE.getAddress().getPort());
        registry.add("sellavie.gateway.console-dir", () -> TestConsole.build().toString());
        TestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        GONE.close();
        CONVERSATION.close();
        FAILING_COMMERCE.stop(0);
    }

    @Test
    void aRequestWhoseConnectionIsRefusedIsSentToTheOtherInstanceWithItsBody() throws Exception {
        String body = "{\"text\":\"" + "a".repeat(2_000) + "\"}";
        // Both instances listed and answering, then one dies
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(send(HttpRequest.newBuilder(uri("/api/conversations")).GET()).statusCode()).isEqualTo(200);
            assertThat(GONE.received()).isNotEmpty();
        });
        GONE.close();
        CONVERSATION.forget();

        // Round robin sends half of these to the instance that is gone first
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(send(HttpRequest.newBuilder(uri("/api/conversations/c-1/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
        }

        assertThat(statuses).containsOnly(200);
        assertThat(CONVERSATION.received()).containsOnly("POST /api/conversations/c-1/messages").hasSize(6);
        assertThat(CONVERSATION.receivedBodySizes()).containsOnly(body.length());
    }

    @Test
    void aRequestThatReachedAServiceIsNeverSentAgainEvenWhenItFailed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":100}")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(FAILED_ORDERS).hasValue(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Answers every request 500 after reading it, counting them. */
    private static HttpServer failingService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                FAILED_ORDERS.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
