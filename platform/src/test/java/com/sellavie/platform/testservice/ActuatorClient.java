package com.sellavie.platform.testservice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Reads a running service's actuator health over HTTP, as the orchestrator's probes do. */
public final class ActuatorClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    public ActuatorClient(int port) {
        this.port = port;
    }

    /** HTTP status and parsed body of {@code GET path}. */
    public record Answer(int status, Map<String, Object> body) {

        public Map<String, Object> component(String name) {
            return map(map(body.get("components")).get(name));
        }

        public Map<String, Object> components() {
            return map(body.get("components"));
        }
    }

    public Answer get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), map(json.readValue(response.body(), Map.class)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
