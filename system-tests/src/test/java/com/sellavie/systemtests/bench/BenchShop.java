package com.sellavie.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellavie.systemtests.stack.Mailbox;
import com.sellavie.systemtests.stack.MetaGraphApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One merchant of the benchmark, set up through the gateway as the journeys do (sign-up, the emailed
 * verification link, log-in, an
 * Instagram channel), and Meta's signed webhook for a customer's DM to it.
 */
public final class BenchShop {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "linen-Shirts-2026";

    private final String instagramAccountId;
    private final String email;
    private final String channelToken;

    private BenchShop(String instagramAccountId, String email, String channelToken) {
        this.instagramAccountId = instagramAccountId;
        this.email = email;
        this.channelToken = channelToken;
    }

    public String instagramAccountId() {
        return instagramAccountId;
    }

    /** The Instagram access token the channel was connected with (the Send API sees it as the Bearer token). */
    public String channelToken() {
        return channelToken;
    }

    /** A fresh console access token of the shop's owner. */
    public String logIn(HttpClient http, String gatewayUrl) {
        return post(http, gatewayUrl + "/api/auth/login", Map.of("email", email, "password", PASSWORD), null, 200)
                .path("accessToken").asText();
    }

    /** Sign-up, verification, log-in and connecting an Instagram channel (its ownership answered by {@code meta}); the route is learnt by ingest later. */
    public static BenchShop open(HttpClient http, String gatewayUrl, String instagramAccountId, MetaGraphApi meta,
            Mailbox mail) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "bench-" + suffix + "@example.com";
        String businessName = "Bench Shop " + suffix;
        post(http, gatewayUrl + "/api/auth/signup",
                Map.of("email", email, "password", PASSWORD, "businessName", businessName), null, 202);
        // Connecting a channel needs a confirmed address: the emailed link's token.
        String link = Mailbox.link(mail.awaitMail(email, "Confirm your email address", Duration.ofSeconds(60)),
                "/verify-email");
        post(http, gatewayUrl + "/api/auth/email-verification", Map.of("token", Mailbox.token(link)), null, 204);
        String token = post(http, gatewayUrl + "/api/auth/login", Map.of("email", email, "password", PASSWORD), null,
                200).path("accessToken").asText();
        String channelToken = "EAAB" + UUID.randomUUID().toString().replace("-", "");
        // Meta proves the token controls the account before the channel is stored.
        meta.instagramAccount(channelToken, instagramAccountId, "bench.shop." + suffix);
        post(http, gatewayUrl + "/api/channels", Map.of("type", "INSTAGRAM", "externalId", instagramAccountId,
                "name", businessName + " on Instagram", "accessToken", channelToken), token, 201);
        return new BenchShop(instagramAccountId, email, channelToken);
    }

    /** Meta's webhook bytes for one Instagram DM (PROVIDERS.md §1.5; plain ASCII text, no escaping needed). */
    public byte[] dmWebhook(String customer, String mid, String text, long timestamp) {
        String json = "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + instagramAccountId + "\",\"time\":" + timestamp
                + ",\"messaging\":[{\"sender\":{\"id\":\"" + customer + "\"},\"recipient\":{\"id\":\""
                + instagramAccountId + "\"},\"timestamp\":" + timestamp + ",\"message\":{\"mid\":\"" + mid
                + "\",\"text\":\"" + text + "\"}}]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** POSTs the signed webhook without waiting for the answer. */
    public static CompletableFuture<HttpResponse<Void>> deliver(HttpClient http, String gatewayUrl, String appSecret,
            byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/webhooks/meta"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature(appSecret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    static String signature(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode post(HttpClient http, String url, Object body, String token, int expected) {
        return send(http, "POST", url, body, token, expected);
    }

    static JsonNode put(HttpClient http, String url, Object body, String token, int expected) {
        return send(http, "PUT", url, body, token, expected);
    }

    private static JsonNode send(HttpClient http, String method, String url, Object body, String token, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + " instead of "
                        + expected + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
