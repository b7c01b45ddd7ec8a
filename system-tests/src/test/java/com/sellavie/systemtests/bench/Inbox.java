package com.sellavie.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A business's inbox as the console lists it ({@code GET /api/conversations}, every page). */
final class Inbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Inbox() {
    }

    /** The business's conversations by their customer's id (IGSID): customer → conversation id. */
    static Map<String, String> conversationsByCustomer(HttpClient http, String gatewayUrl, String accessToken) {
        Map<String, String> byCustomer = new HashMap<>();
        String cursor = null;
        do {
            String url = gatewayUrl + "/api/conversations?limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = get(http, url, accessToken);
            try {
                for (JsonNode conversation : JSON.readTree(response.body())) {
                    byCustomer.put(conversation.path("contact").path("externalId").asText(),
                            conversation.path("id").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cursor = response.headers().firstValue("X-Next-Cursor").orElse(null);
        } while (cursor != null);
        return byCustomer;
    }

    private static HttpResponse<String> get(HttpClient http, String url, String accessToken) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + accessToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
