package com.sellavie.systemtests.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The only door the journeys use: plain HTTP to the gateway, as the console and Meta do. */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    String baseUrl() {
        return baseUrl;
    }

    Gateway(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer postJson(String path, Object body, String accessToken) {
        HttpRequest.Builder request = request(path, accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        return send(request.build());
    }

    Answer patchJson(String path, Object body, String accessToken) {
        HttpRequest.Builder request = request(path, accessToken)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body)));
        return send(request.build());
    }

    Answer putJson(String path, Object body, String accessToken) {
        HttpRequest.Builder request = request(path, accessToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body)));
        return send(request.build());
    }

    Answer get(String path, String accessToken) {
        return send(request(path, accessToken).GET().build());
    }

    Answer delete(String path, String accessToken) {
        return send(request(path, accessToken).DELETE().build());
    }

    /** POSTs exactly these bytes to Meta's webhook endpoint with the given signature header. */
    Answer postMetaWebhook(byte[] body, String signature) {
        HttpRequest request = request("/webhooks/meta", null)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request);
    }

    /** POSTs exactly these bytes to a webhook path (a payment provider's) with the given headers. */
    Answer postWebhook(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A GET whose answer is binary (a PDF): status, content type, disposition and the bytes. */
    Download download(String path, String accessToken) {
        HttpRequest request = request(path, accessToken).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Download(int status, String contentType, String disposition, byte[] body) {
    }

    private HttpRequest.Builder request(String path, String accessToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(request.method() + " " + request.uri().getPath(), response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer; {@link #toString()} shows what was asked and answered, for assertion messages. */
    record Answer(String call, int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(call + " answered " + status + " with a body that is not JSON: " + body, e);
            }
        }

        Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError(call + " answered " + status + " instead of " + expected + ": " + body);
            }
            return this;
        }
    }
}
