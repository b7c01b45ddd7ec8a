package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that does not answer: the gateway answers 504 once the route's response timeout has passed,
 * instead of holding the request until the client gives up; the webhook route's timeout is its own,
 * shorter than the providers' (here 0.5 s for webhooks, 3 s for the rest, against a service taking 1.5 s).
 */
class UpstreamTimeoutTest extends RunningGateway {

    private static final Duration SLOW = Duration.ofMillis(1_500);
    private static final HttpServer INGEST = slowService("ingest");
    private static final HttpServer CONVERSATION = slowService("conversation");
    private static final String TOKEN = TestTokens.valid();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_INGEST_URL", () -> url(INGEST));
        registry.add("SELLAVIE_CONVERSATION_URL", () -> url(CONVERSATION));
        registry.add("SELLAVIE_GATEWAY_WEBHOOK_RESPONSE_TIMEOUT_MS", () -> "500");
        registry.add("SELLAVIE_GATEWAY_RESPONSE_TIMEOUT", () -> "3s");
        registry.add("sellavie.gateway.console-dir", () -> TestConsole.build().toString());
        TestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        INGEST.stop(0);
        CONVERSATION.stop(0);
    }

    @Test
    void aWebhookTheServiceDoesNotAnswerInTimeGets504FromTheWebhookRoutesOwnTimeout() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/webhooks/meta"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"object\":\"instagram\",\"entry\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        // The service answers 200 after 1.5 s, within the global 3 s: only the route's 0.5 s gives a 504.
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).doesNotContain("ingest");
        // and the operator sees it: counted per route (and logged at WARN)
        assertThat(meters.get("sellavie.gateway.upstream.timeouts").tag("route", "ingest").counter().count())
                .isEqualTo(1);
    }

    @Test
    void anApiCallSlowerThanTheWebhookTimeoutButWithinTheGlobalOneIsAnswered() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/conversations"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("conversation");
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every request with its name after {@link #SLOW}. */
    private static HttpServer slowService(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                try {
                    Thread.sleep(SLOW);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = name.getBytes(StandardCharsets.UTF_8);
                try {
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException gone) {
                    // the gateway gave up on this request first
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
