package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that closes the connection instead of answering (a keep-alive connection it dropped just as the request
 * left, an instance that died mid-request): a GET is sent once more and answered; a POST is not sent again and the
 * client gets a 502 that says the service may have acted on it, not a 500 blaming the gateway; each counted per
 * route. And the gateway stops reusing a connection once it has been idle for its pool's max idle time.
 */
class UpstreamConnectionLossTest extends RunningGateway {

    private static final DroppingService CONVERSATION = new DroppingService();
    private static final String TOKEN = TestTokens.valid();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_CONVERSATION_URL", CONVERSATION::url);
        registry.add("SELLAVIE_GATEWAY_POOL_MAX_IDLE_TIME", () -> "700ms");
        registry.add("sellavie.gateway.console-dir", () -> TestConsole.build().toString());
        TestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        CONVERSATION.close();
    }

    @BeforeEach
    void forget() {
        CONVERSATION.received.clear();
        CONVERSATION.connections.clear();
    }

    @Test
    void aGetWhoseConnectionTheServiceClosedBeforeAnsweringIsSentOnceMoreAndAnswered() throws Exception {
        double retriedBefore = lost("retried");
        CONVERSATION.dropNext(1);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/conversations")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("conversation");
        assertThat(CONVERSATION.received).containsExactly("GET /api/conversations", "GET /api/conversations");
        assertThat(lost("retried")).isEqualTo(retriedBefore + 1);
    }

    @Test
    void aPostWhoseConnectionWasLostIsNotSentAgainAndTheClientGetsA502ThatSaysSo() throws Exception {
        double failedBefore = lost("failed");
        CONVERSATION.dropNext(1);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/conversations/c-1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\"}")));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("may or may not have been carried out")
                .doesNotContain("127.0.0.1").doesNotContain("Exception");
        assertThat(CONVERSATION.received).containsExactly("POST /api/conversations/c-1/messages");
        assertThat(lost("failed")).isEqualTo(failedBefore + 1);
    }

    @Test
    void aGetLostTwiceIsNotTriedAThirdTime() throws Exception {
        double retriedBefore = lost("retried");
        double failedBefore = lost("failed");
        CONVERSATION.dropNext(2);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/conversations")).GET());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(CONVERSATION.received).hasSize(2);
        assertThat(lost("retried")).isEqualTo(retriedBefore + 1);
        assertThat(lost("failed")).isEqualTo(failedBefore + 1);
    }

    @Test
    void aConnectionIdleLongerThanThePoolsMaxIdleTimeIsNotReused() throws Exception {
        send(HttpRequest.newBuilder(uri("/api/conversations")).GET());
        send(HttpRequest.newBuilder(uri("/api/conversations")).GET());
        Thread.sleep(1_500);
        send(HttpRequest.newBuilder(uri("/api/conversations")).GET());

        assertThat(CONVERSATION.received).hasSize(3);
        // the second request went over the first's connection; the third, after 1.5 s idle, over a new one
        assertThat(CONVERSATION.connections).hasSize(3);
        assertThat(CONVERSATION.connections.get(1)).isEqualTo(CONVERSATION.connections.get(0));
        assertThat(CONVERSATION.connections.get(2)).isNotEqualTo(CONVERSATION.connections.get(0));
    }

    private double lost(String then) {
        var counter = meters.find("sellavie.gateway.upstream.connection.lost").tags("route", "conversation", "then", then)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * HTTP/1.1 over a plain server socket, so it can do what a real service's connection sometimes does: read a
     * request in full and close the connection without a byte of answer. Otherwise it answers 200 "conversation"
     * and keeps the connection for the next request. Records each request and the connection (client port) it came on.
     */
    private static final class DroppingService implements AutoCloseable {

        final List<String> received = new CopyOnWriteArrayList<>();
        final List<Integer> connections = new CopyOnWriteArrayList<>();
        private final AtomicInteger toDrop = new AtomicInteger();
        private final ServerSocket server;

        DroppingService() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.ofVirtual().start(this::accept);
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        void dropNext(int requests) {
            toDrop.set(requests);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                String head;
                while ((head = head(in)) != null) {
                    String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                    in.readNBytes(contentLength(head));
                    if (requestLine[1].startsWith("/actuator")) {
                        continue;
                    }
                    received.add(requestLine[0] + " " + requestLine[1]);
                    connections.add(socket.getPort());
                    if (toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        return;
                    }
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nconversation")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException gone) {
                // the gateway closed its side: nothing to answer
            }
        }

        /** The request line and headers, or null at the end of the connection. */
        private static String head(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                String sofar = head.toString(StandardCharsets.US_ASCII);
                if (sofar.endsWith("\r\n\r\n")) {
                    return sofar;
                }
            }
            return null;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring(15).trim());
                }
            }
            return 0;
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
