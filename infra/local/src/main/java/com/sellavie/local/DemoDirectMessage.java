package com.sellavie.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code ./sellavie demo-dm "text"}: an Instagram DM webhook from a demo customer to the demo
 * business's account, signed with the app secret over the exact bytes it sends.
 */
final class DemoDirectMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request ready to send: its body bytes and their signature. */
    record SignedWebhook(byte[] body, String signature) {
    }

    private DemoDirectMessage() {
    }

    static byte[] webhookBody(String recipientAccountId, String senderId, String text, long timestampMillis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "instagram");
        ArrayNode entries = root.putArray("entry");
        ObjectNode entry = entries.addObject();
        entry.put("id", recipientAccountId);
        entry.put("time", timestampMillis);
        ObjectNode event = entry.putArray("messaging").addObject();
        event.putObject("sender").put("id", senderId);
        event.putObject("recipient").put("id", recipientAccountId);
        event.put("timestamp", timestampMillis);
        ObjectNode message = event.putObject("message");
        message.put("mid", "m_demo_" + UUID.randomUUID().toString().replace("-", ""));
        message.put("text", text);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SignedWebhook signed(String appSecret, String text, long timestampMillis) {
        byte[] body = webhookBody(DemoBusiness.INSTAGRAM_ACCOUNT_ID, DemoBusiness.CUSTOMER_ID, text, timestampMillis);
        return new SignedWebhook(body, WebhookSignature.sign(appSecret, body));
    }

    /** POSTs the signed webhook to {@code webhookUrl}; returns the HTTP status. */
    static int post(String webhookUrl, SignedWebhook webhook) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, webhook.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
