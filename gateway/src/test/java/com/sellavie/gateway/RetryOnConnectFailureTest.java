package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code RetryOnConnectFailure} on the API routes: a request whose connection is refused goes to the next
 * instance with its body intact, whatever its method; a service that refuses every connection is tried twice,
 * then the client gets a 503; a request that reached a service is never sent twice, even when the service
 * failed it. Each refused connection is counted per route.
 */
class RetryOnConnectFailureTest extends RunningGateway {

    private static final StubService GONE = new StubService("conversation-gone");
    private static final StubService CONVERSATION = new StubService("conversation");
    private static final AtomicInteger FAILED_ORDERS = new AtomicInteger();
    private static final Socket NOTHING_LISTENS = refusingPort();
    private static final HttpServer FAILING_COMMERCE = failingService();
    private static final String TOKEN = TestTokens.valid();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        // conversation: two instances, one of which dies in the test; readiness is checked once an hour here, so
        // the gateway still lists it afterwards (as in the seconds before a real check notices)
        StubService.registerInstances(registry, "conversation", GONE, CONVERSATION);
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "1h");
        registry.add("SELLAVIE_COMMERCE_URL", () -> "http://127.0.0.1:" + FAILING_COMMERCE.getAddress().getPort());
        // notification: one URL where nothing listens
        registry.add("SELLAVIE_NOTIFICATION_URL", () -> "http://127.0.0.1:" + NOTHING_LISTENS.getLocalPort());
        registry.add("sellavie.gateway.console-dir", () -> TestConsole.build().toString());
        TestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        GONE.close();
        CONVERSATION.close();
        FAILING_COMMERCE.stop(0);
        try {
            NOTHING_LISTENS.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

        // Round robin sends these to the instance that is gone first
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(send(HttpRequest.newBuilder(uri("/api/conversations/c-1/messages"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
        }

        assertThat(statuses).containsOnly(200);
        assertThat(CONVERSATION.received()).containsOnly("POST /api/conversations/c-1/messages").hasSize(6);
        assertThat(CONVERSATION.receivedBodySizes()).containsOnly(body.length());
        // and the operator sees each refused connection, counted per route: a retry takes the other instance's turn
        // in the round robin, so once one request met the gone instance each next one meets it first too (5 or 6)
        assertThat(refused("conversation", "retried")).isIn(5.0, 6.0);
        assertThat(meters.find("sellavie.gateway.upstream.connect.refused").tags("then", "failed", "route", "conversation")
                .counter()).isNull();
    }

    @Test
    void aRequestThatReachedAServiceIsNeverSentAgainEvenWhenItFailed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":100}")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(FAILED_ORDERS).hasValue(1);
    }

    @Test
    void aServiceThatRefusesEveryConnectionIsTriedTwiceThenTheClientGetsTheError() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/notification-preferences"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"email\":true}")));

        // 503, saying that nothing was carried out (not Spring's 500 "Server Error"), counted as unreachable
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("the request was not carried out").doesNotContain("127.0.0.1");
        assertThat(meters.get("sellavie.gateway.upstream.unreachable").tag("route", "notification").counter().count())
                .isEqualTo(1);
        assertThat(refused("notification", "retried")).isEqualTo(1);
        assertThat(refused("notification", "failed")).isEqualTo(1);
    }

    private double refused(String route, String then) {
        return meters.get("sellavie.gateway.upstream.connect.refused").tags("route", route, "then", then).counter().count();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A loopback port nothing listens on, held for the class: bound without {@code SO_REUSEADDR} and never listening,
     * so Linux refuses every connection to it and every other bind. A port taken with {@code new ServerSocket(0)} and
     * released could be handed to another JVM's server while the build's modules test side by side, which would then
     * answer in the notification service's place (platform-test's {@code RefusingPort}, which this module does not use).
     */
    private static Socket refusingPort() {
        try {
            Socket socket = new Socket();
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
