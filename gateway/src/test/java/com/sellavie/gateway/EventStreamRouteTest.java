package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code GET /api/events} reaches conversation-service and its server-sent events stream through as they come. */
class EventStreamRouteTest extends RunningGateway {

    private static final CountDownLatch SECOND_EVENT = new CountDownLatch(1);
    private static final AtomicReference<Headers> RECEIVED = new AtomicReference<>();
    private static final HttpServer CONVERSATION = streamingConversationService();

    private static final String TOKEN = TestTokens.valid();

    /** Sends one event, then holds the stream open (silent) until the test lets it send a second. */
    private static HttpServer streamingConversationService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/events", exchange -> {
                RECEIVED.set(exchange.getRequestHeaders());
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write("id:41\nevent:message\ndata:{\"conversationId\":\"c1\"}\n\n".getBytes(StandardCharsets.UTF_8));
                    body.flush();
                    SECOND_EVENT.await(30, TimeUnit.SECONDS);
                    body.write("id:42\nevent:message-status\ndata:{\"conversationId\":\"c1\"}\n\n"
                            .getBytes(StandardCharsets.UTF_8));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_CONVERSATION_URL", () -> "http://127.0.0.1:" + CONVERSATION.getAddress().getPort());
        registry.add("sellavie.gateway.console-dir", () -> TestConsole.build().toString());
        TestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        CONVERSATION.stop(0);
    }

    @Test
    void streamsEachEventThroughBeforeTheStreamEnds() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Last-Event-ID", "40")
                .GET().build();

        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // The first event arrives while the upstream still holds the stream open: nothing is buffered.
            assertThat(lines.readLine()).isEqualTo("id:41");
            assertThat(lines.readLine()).isEqualTo("event:message");
            assertThat(lines.readLine()).startsWith("data:");
            assertThat(lines.readLine()).isEmpty();
            assertThat(SECOND_EVENT.getCount()).isEqualTo(1);
            // The member's token and resume point reach the service unchanged.
            assertThat(RECEIVED.get().getFirst("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(RECEIVED.get().getFirst("Last-Event-ID")).isEqualTo("40");

            SECOND_EVENT.countDown();
            assertThat(lines.readLine()).isEqualTo("id:42");
            assertThat(lines.readLine()).isEqualTo("event:message-status");
        }
    }
}
