package com.sellavie.platform.test.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls the running application's routes over HTTP, as a browser or another service would. */
final class RouteCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    RouteCalls(int port) {
        this.port = port;
    }

    /** What came back: the status and, unless the route streams, the body. */
    record Answer(int status, String body) {
    }

    /**
     * Calls {@code method path} with the token (or none) and the body (bodyless methods send none).
     * A stream (server-sent events) is answered by its headers: its body never ends, so it is not read.
     */
    Answer call(String method, String path, String token, String contentType, String body, boolean streams) {
        boolean sendsBody = !method.equals("GET") && !method.equals("DELETE") && !method.equals("HEAD");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, sendsBody ? HttpRequest.BodyPublishers.ofString(body)
                        : HttpRequest.BodyPublishers.noBody());
        if (sendsBody) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                String text = streams && response.statusCode() < 300 ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Calling " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted calling " + method + " " + path, e);
        }
    }
}
