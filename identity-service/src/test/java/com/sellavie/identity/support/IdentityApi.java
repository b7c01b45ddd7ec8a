package com.sellavie.identity.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** identity-service over real HTTP, as a browser or the gateway would call it. */
public final class IdentityApi {

    public static final String GOOD_PASSWORD = "linen-Shirts-2026";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    // Each client its own address (as the gateway would forward it), so the per-address log-in
    // throttle counts only this test's failures, whatever other tests and earlier runs did.
    private final String clientAddress = "10." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);

    public IdentityApi(int port) {
        this.port = port;
    }

    /** The address this client's requests come from, unless a request names its own X-Forwarded-For. */
    public String clientAddress() {
        return clientAddress;
    }

    /** A unique, valid address for one test. */
    public static String newEmail() {
        return "owner-" + UUID.randomUUID() + "@example.com";
    }

    /** A unique, valid business name for one test. */
    public static String newBusinessName() {
        return "Linen House " + UUID.randomUUID();
    }

    /** {@code POST /api/auth/signup} as is: 202 {@code CHECK_YOUR_EMAIL}, no session. */
    public Response register(String email, String password, String businessName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("businessName", businessName);
        return post("/api/auth/signup", JSON.writeValueAsString(body));
    }

    /** Signs a new owner up and logs them in: the log-in's answer (token, user, business, refresh cookie). */
    public Response signUp(String email, String password, String businessName) {
        Response registered = register(email, password, businessName);
        if (registered.status() != 202) {
            throw new IllegalStateException("Sign-up answered " + registered.status() + ": " + registered.body());
        }
        return logIn(email, password);
    }

    public Response logIn(String email, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        return post("/api/auth/login", JSON.writeValueAsString(body));
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * A request as a browser or client would send it: {@code headers} in pairs (name, value, ...), e.g.
     * {@code "Cookie", "sellavie_refresh=..."}, {@code "Authorization", "Bearer ..."}, {@code "User-Agent", ...}.
     */
    public Response send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = request(path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** {@code POST /api/auth/refresh} with the refresh cookie, as the console does. */
    public Response refreshWithCookie(String refreshToken) {
        return send("POST", "/api/auth/refresh", null, "Cookie", "sellavie_refresh=" + refreshToken);
    }

    public Response get(String path, String bearerToken) {
        HttpRequest.Builder request = request(path).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private Response send(HttpRequest given) {
        HttpRequest request = given.headers().firstValue("X-Forwarded-For").isPresent() ? given
                : HttpRequest.newBuilder(given, (name, value) -> true).header("X-Forwarded-For", clientAddress).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Cache-Control").orElse(""),
                    response.headers().allValues("Set-Cookie"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body, parsed as JSON on demand. */
    public record Response(int status, String body, String contentType, String cacheControl, List<String> setCookies) {

        /** The {@code Set-Cookie} header of the refresh cookie, if the answer set one. */
        public Optional<String> refreshCookieHeader() {
            return setCookies.stream().filter(cookie -> cookie.startsWith("sellavie_refresh=")).findFirst();
        }

        /** The refresh token the answer's cookie carries (empty when none was set or it was cleared). */
        public Optional<String> refreshToken() {
            return refreshCookieHeader().map(cookie -> cookie.substring("sellavie_refresh=".length(),
                    cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'))).filter(value -> !value.isEmpty());
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }
    }
}
