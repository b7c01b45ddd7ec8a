package com.sellavie.systemtests.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellavie.systemtests.bench.BenchShop;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the team sees in the console: outbound messages whose delivery needs a person (UNKNOWN,
 * EXPIRED, FAILED), per customer, through the console's own API
 * ({@code GET /api/messages?status=...}), as a signed-in owner of each shop.
 */
final class AttentionList {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> STATUSES = List.of("UNKNOWN", "EXPIRED", "FAILED");

    private final HttpClient http;
    private final String gatewayUrl;

    AttentionList(HttpClient http, String gatewayUrl) {
        this.http = http;
        this.gatewayUrl = gatewayUrl;
    }

    /** Customer (Instagram-scoped id) to the delivery status of the reply the team must look at. */
    Map<String, String> byCustomer(List<BenchShop> shops) throws IOException, InterruptedException {
        Map<String, String> statuses = new HashMap<>();
        for (BenchShop shop : shops) {
            String token = shop.logIn(http, gatewayUrl);
            String query = String.join("&", STATUSES.stream().map(s -> "status=" + s).toList());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(gatewayUrl + "/api/messages?" + query + "&limit=1000"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/messages answered " + response.statusCode() + ": " + response.body());
            }
            for (JsonNode message : JSON.readTree(response.body())) {
                statuses.put(message.path("contact").path("externalId").asText(), message.path("deliveryStatus").asText());
            }
        }
        return statuses;
    }
}
