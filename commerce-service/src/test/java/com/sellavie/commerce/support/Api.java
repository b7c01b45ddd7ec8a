package com.sellavie.commerce.support;

import com.sellavie.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as a member of one business (or another service, or nobody) calls it. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String authorization;

    private Api(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    public static Api asOwnerOf(int port, UUID businessId) {
        return asMemberOf(port, businessId, "OWNER");
    }

    /** A member with {@code role} (OWNER, ADMIN, AGENT). */
    public static Api asMemberOf(int port, UUID businessId, String role) {
        return new Api(port, "Bearer " + TestTokens.accessToken(businessId, UUID.randomUUID(), role));
    }

    /** Another Sellavie service, holding the service token. */
    public static Api asService(int port) {
        return new Api(port, "Bearer " + CommerceTestInfrastructure.SERVICE_TOKEN);
    }

    public static Api withAuthorization(int port, String authorization) {
        return new Api(port, authorization);
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    public Response get(String path) {
        return send(base(path).GET());
    }

    public Response post(String path, String json) {
        return send(path, "POST", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Response put(String path, String json) {
        return send(path, "PUT", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Response delete(String path) {
        return send(base(path).DELETE());
    }

    public Response send(String path, String method, String contentType, byte[] body) {
        return send(base(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart/form-data upload of {@code content} as the field {@code field}. */
    public Response upload(String path, String field, String filename, byte[] content) {
        String boundary = "sellavie" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(path, "POST", "multipart/form-data; boundary=" + boundary, body);
    }

    private HttpRequest.Builder base(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Cache-Control").orElse(""),
                    response.headers().firstValue("X-Has-More").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType, String location, String cacheControl,
            String hasMoreHeader) {

        /** The orders list's {@code X-Has-More} header. */
        public boolean hasMore() {
            return Boolean.parseBoolean(hasMoreHeader);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
