package com.sellavie.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The few calls of the registry's Confluent-compatible API ({@code /apis/ccompat/v7}) the registrar
 * needs. Plain JDK HTTP: no Vert.x thread to manage, nothing to close.
 */
final class ConfluentCompatApi {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String api;
    private final ObjectMapper json = new ObjectMapper();

    ConfluentCompatApi(HttpClient http, String registryBaseUrl) {
        this.http = http;
        this.api = ccompatApi(registryBaseUrl);
    }

    /** Accepts {@code http://host:port} or any URL of the registry's APIs, e.g. {@code .../apis/registry/v3}. */
    static String ccompatApi(String registryBaseUrl) {
        String base = registryBaseUrl.endsWith("/") ? registryBaseUrl.substring(0, registryBaseUrl.length() - 1)
                : registryBaseUrl;
        int apis = base.indexOf("/apis/");
        return (apis >= 0 ? base.substring(0, apis) : base) + "/apis/ccompat/v7";
    }

    /** POST /subjects/{subject}/versions: the id of this exact schema, registering it if the subject lacks it. */
    long register(String subject, String schema) {
        JsonNode answer = send(subject, "POST", "/subjects/" + encode(subject) + "/versions",
                Map.of("schema", schema));
        return answer.path("id").asLong();
    }

    /** PUT /config/{subject}: the compatibility rule the registry enforces on every new version. */
    void setCompatibility(String subject, String level) {
        try {
            send(subject, "PUT", "/config/" + encode(subject), Map.of("compatibility", level));
        } catch (SchemaRegistrationException e) {
            // Services start together: another one may have created the rule between our check and
            // our PUT (Apicurio answers 409 "rule already exists"). Fine if it holds the same level.
            if (e.status() != 409) {
                throw e;
            }
            if (!level.equals(compatibility(subject))) {
                send(subject, "PUT", "/config/" + encode(subject), Map.of("compatibility", level));
            }
        }
    }

    /** GET /config/{subject}: the subject's own rule. */
    String compatibility(String subject) {
        return send(subject, "GET", "/config/" + encode(subject), null).path("compatibilityLevel").asText();
    }

    private JsonNode send(String subject, String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + path))
                    .timeout(TIMEOUT)
                    .header("Content-Type", CONTENT_TYPE)
                    .header("Accept", CONTENT_TYPE)
                    .method(method, publisher)
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SchemaRegistrationException(subject, response.statusCode(), response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistrationException(subject, method + " " + api + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistrationException(subject, "interrupted", e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8);
    }
}
