package com.sellavie.ingest.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** POSTs payment webhooks over real HTTP, as the providers do. */
final class PaymentWebhookClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    PaymentWebhookClient(int port) {
        this.port = port;
    }

    /** POSTs to {@code /webhooks/<providerSegment>/<endpointId>} with the webhook's body and headers. */
    HttpResponse<String> post(String providerSegment, String endpointId, PaymentWebhooks.Signed webhook) {
        return post(providerSegment, endpointId, webhook.body(), webhook.headers());
    }

    HttpResponse<String> post(String providerSegment, String endpointId, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/"
                        + providerSegment + "/" + endpointId))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
