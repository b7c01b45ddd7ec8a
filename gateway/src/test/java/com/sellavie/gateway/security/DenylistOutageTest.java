package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.gateway.RunningGateway;
import com.sellavie.gateway.StubService;
import com.sellavie.gateway.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Redis that accepts connections and never answers (a hung or overloaded server): the denylist
 * cannot be read, so a well-signed token is refused with 503 at once (fail closed), each failed read is
 * counted, and nothing reaches the service.
 */
class DenylistOutageTest extends RunningGateway {

    private static final StubService CONVERSATION = new StubService("conversation");
    private static final SilentServer SILENT_REDIS = new SilentServer();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_CONVERSATION_URL", CONVERSATION::url);
        registry.add("SELLAVIE_REDIS_URL", () -> "redis://127.0.0.1:" + SILENT_REDIS.port());
        TestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        CONVERSATION.close();
        SILENT_REDIS.close();
    }

    @Test
    void hungRedisFailsClosedWith503Quickly() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/conversations"))
                .header("Authorization", "Bearer " + TestTokens.valid()).GET().build(), HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Authentication temporarily unavailable\"");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        assertThat(CONVERSATION.received()).isEmpty();
        // Each read of the denylist times out (500 ms), counted.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(meters.counter("sellavie.security.denylist.failures").count()).isGreaterThanOrEqualTo(1));
    }

    /** Accepts TCP connections and never writes a byte. */
    static final class SilentServer implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        SilentServer() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket socket : held) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
