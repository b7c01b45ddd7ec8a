package com.sellavie.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Send API calls the WireMock Meta stub received, with the time each arrived
 * ({@code loggedDate}, epoch ms, taken by WireMock on receipt), read from WireMock's admin API:
 * the stub runs in this JVM, on this machine's clock, like the services and the broker.
 */
final class SendApiJournal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI requests;

    SendApiJournal(HttpClient http, String graphUrl) {
        this.http = http;
        this.requests = URI.create(graphUrl.substring(0, graphUrl.indexOf("/v23.0")) + "/__admin/requests");
    }

    /** One Send API call: to whom, when WireMock received it, and the message's text. */
    record Arrival(String recipientId, long receivedAtMillis, String text) {
    }

    List<Arrival> sends() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(requests).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            List<Arrival> arrivals = new ArrayList<>();
            for (JsonNode event : JSON.readTree(response.body()).path("requests")) {
                JsonNode request = event.path("request");
                if (!"POST".equals(request.path("method").asText()) || !request.path("url").asText().endsWith("/messages")) {
                    continue;
                }
                JsonNode body = JSON.readTree(request.path("body").asText());
                arrivals.add(new Arrival(body.path("recipient").path("id").asText(), request.path("loggedDate").asLong(),
                        body.path("message").path("text").asText()));
            }
            return arrivals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
