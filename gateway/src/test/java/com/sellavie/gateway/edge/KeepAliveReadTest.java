package com.sellavie.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway's HTTP/1.1 server keeps reading a keep-alive connection after a request that arrived while
 * the previous one was still finishing. Reactor Netty 1.3.6 stops reading such a connection for good
 * once the buffered request is answered at once (reactor/reactor-netty#4361): the client's next request
 * on it is never read and never answered. Seen in CI as a gateway test waiting 15 minutes on a refused
 * POST. The gateway carries a patched {@code HttpTrafficHandler} ({@link ReactorNettyPatches}).
 */
class KeepAliveReadTest {

    private static final Duration NO_ANSWER = Duration.ofSeconds(5);

    private final AtomicInteger accepted = new AtomicInteger();
    private DisposableServer server;

    @BeforeEach
    void start() {
        // The first request on a connection is answered after 50 ms, every later one at once.
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    int n = accepted.incrementAndGet();
                    Mono<String> body = n == 1 ? Mono.delay(Duration.ofMillis(50)).thenReturn("slow") : Mono.just("quick");
                    return response.header("Content-Type", "text/plain").sendString(body);
                })
                .bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void aRequestAfterABufferedOneIsAnswered(String method) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(Math.toIntExact(NO_ANSWER.toMillis()));
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            // Given a second request sent while the first is still being answered (so the server buffers it)
            out.write((request(method) + request(method)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).contains("slow");
            assertThat(readResponse(in)).contains("quick");

            // When the client sends its next request on the same connection
            out.write(request(method).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // Then it is read and answered
            assertThat(readResponse(in)).as("the third response").contains("quick");
            assertThat(accepted).hasValue(3);
        }
    }

    private static String request(String method) {
        String body = method.equals("POST") ? "{}" : "";
        return method + " /x HTTP/1.1\r\nHost: localhost\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n")
                + "\r\n" + body;
    }

    /** One whole response (headers and its Content-Length or chunked body); fails if none comes in time. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before a response");
                }
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.US_ASCII);
            return headers + readBody(in, headers);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no response within " + NO_ANSWER + " (read so far: '" + head + "')", e);
        }
    }

    private static String readBody(InputStream in, String headers) throws IOException {
        String lower = headers.toLowerCase();
        int length = lower.indexOf("content-length:");
        if (length >= 0) {
            int end = lower.indexOf("\r\n", length);
            int size = Integer.parseInt(lower.substring(length + "content-length:".length(), end).trim());
            return new String(in.readNBytes(size), StandardCharsets.US_ASCII);
        }
        StringBuilder body = new StringBuilder();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.trim(), 16);
            if (size == 0) {
                readLine(in);
                return body.toString();
            }
            body.append(new String(in.readNBytes(size), StandardCharsets.US_ASCII));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
