package com.sellavie.ingest.meta;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls /webhooks/meta over real HTTP, the way Meta does (and the ways an attacker might). */
final class MetaWebhookClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    MetaWebhookClient(int port) {
        this.port = port;
    }

    HttpResponse<String> post(MetaWebhooks.Signed webhook) {
        return post(webhook.body(), webhook.signature());
    }

    /** POSTs {@code webhook} as the gateway forwards a traced request: with its W3C {@code traceparent}. */
    HttpResponse<String> postTraced(MetaWebhooks.Signed webhook, String traceparent) {
        return send(request(webhook.signature()).header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body())).build());
    }

    /** POSTs {@code body} with a Content-Length and the signature header, unless {@code signature} is null. */
    HttpResponse<String> post(byte[] body, String signature) {
        return send(request(signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** POSTs {@code body} chunked: no Content-Length, so the size is only known by reading. */
    HttpResponse<String> postChunked(byte[] body, String signature) {
        return send(request(signature).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body))).build());
    }

    HttpResponse<String> handshake(String mode, String token, String challenge) {
        String query = param("hub.mode", mode) + "&" + param("hub.verify_token", token) + "&"
                + param("hub.challenge", challenge);
        return send(HttpRequest.newBuilder(URI.create(url() + "?" + query)).GET().build());
    }

    /**
     * Sends only the headers of a POST declaring {@code contentLength} bytes, and a few of them, then reads the
     * status line: a server that honours Content-Length answers before the body arrives.
     */
    String statusLineForDeclaredLength(long contentLength) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/meta HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Hub-Signature-256: sha256=" + "0".repeat(64) + "\r\n"
                    + "Content-Length: " + contentLength + "\r\n\r\n{\"object\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private HttpRequest.Builder request(String signature) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (signature != null) {
            builder.header("X-Hub-Signature-256", signature);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url() {
        return "http://localhost:" + port + "/webhooks/meta";
    }

    private static String param(String name, String value) {
        return name + "=" + (value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
