package com.sellavie.conversation.support;

import com.sellavie.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as a member of one business calls it. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String token;

    private Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    public static Api asOwnerOf(int port, UUID businessId) {
        return new Api(port, TestTokens.accessToken(businessId, UUID.randomUUID(), "OWNER"));
    }

    /** A member with {@code role} (OWNER, ADMIN, AGENT) and user id {@code userId}. */
    public static Api asMemberOf(int port, UUID businessId, UUID userId, String role) {
        return new Api(port, TestTokens.accessToken(businessId, userId, role));
    }

    /** A member with {@code role} whose token says {@code email_verified: false} (not confirmed yet). */
    public static Api asUnverifiedMemberOf(int port, UUID businessId, UUID userId, String role) {
        return new Api(port, TestTokens.accessTokenWith(businessId, userId, role, TestTokens.TYPE,
                Map.of("email_verified", false)));
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    public Response get(String path) {
        return send(base(path).GET());
    }

    public Response post(String path, String json) {
        return send(base(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return send(base(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with extra headers (e.g. {@code Idempotency-Key}). */
    public Response post(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = base(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    public Response put(String path, String json) {
        return send(base(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(base(path).DELETE());
    }

    private HttpRequest.Builder base(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers()
                    .firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
