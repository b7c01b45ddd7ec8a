package com.sellavie.conversation.contact;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's user profile API: Instagram {@code GET /{igsid}?fields=name,username,profile_pic}, Messenger
 * {@code GET /{psid}?fields=first_name,last_name,profile_pic}, with the channel's token in
 * {@code Authorization: Bearer} (never in a URL or a log), timeouts on every call, and a circuit breaker
 * ({@code meta-profiles}) so an unavailable Graph API is not called for every due contact.
 */
@Component
class MetaProfileClient {

    private static final int TOKEN_INVALID = 190;

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String graphUrl;
    private final ContactProperties properties;
    private final CircuitBreaker breaker;

    MetaProfileClient(@Value("${sellavie.meta.graph-url:https://graph.facebook.com/v23.0}") String graphUrl,
            ContactProperties properties, CircuitBreakerRegistry breakers) {
        this.graphUrl = graphUrl.strip().replaceAll("/+$", "");
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        this.breaker = breakers.circuitBreaker("meta-profiles");
    }

    Profile fetch(String channelType, String userId, String accessToken) {
        String fields = "INSTAGRAM".equals(channelType) ? "name,username,profile_pic" : "first_name,last_name,profile_pic";
        HttpRequest request = HttpRequest.newBuilder(URI.create(graphUrl + "/"
                        + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "?fields=" + fields))
                .timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + accessToken)
                .GET()
                .build();
        if (!breaker.tryAcquirePermission()) {
            return new Profile.Failed(false, "BREAKER_OPEN");
        }
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return new Profile.Failed(false, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            return new Profile.Failed(false, "INTERRUPTED");
        }
        long took = System.nanoTime() - start;
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            breaker.onError(took, TimeUnit.NANOSECONDS, new IOException("Graph API answered " + response.statusCode()));
            return new Profile.Failed(false, "HTTP_" + response.statusCode());
        }
        breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        if (response.statusCode() >= 300) {
            int code = answer.path("error").path("code").asInt(0);
            return new Profile.Failed(code == TOKEN_INVALID, "HTTP_" + response.statusCode() + "_CODE_" + code);
        }
        String name = "INSTAGRAM".equals(channelType) ? text(answer, "name")
                : Stream.of(text(answer, "first_name"), text(answer, "last_name")).filter(s -> s != null)
                        .collect(Collectors.collectingAndThen(Collectors.joining(" "), s -> s.isEmpty() ? null : s));
        return new Profile.Found(name, text(answer, "username"), text(answer, "profile_pic"));
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
            return node == null ? json.createObjectNode() : node;
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
