package com.sellavie.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Opens a bench shop through the gateway as a merchant does: sign-up, the emailed verification link (from the
 * stack's mail catcher), log-in, then its Instagram account, Facebook Page and WhatsApp number, each proven
 * by conversation-service against the Graph API stub, which was told first that the channel's token controls it.
 */
final class ShopOpener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "linen-Shirts-2026";

    private final BenchStack stack;
    private final HttpClient http;

    ShopOpener(BenchStack stack, HttpClient http) {
        this.stack = stack;
        this.http = http;
    }

    void open(BenchShop shop) throws IOException, InterruptedException {
        call("POST", "/api/auth/signup", null, Map.of("email", shop.email(), "password", PASSWORD,
                "businessName", shop.businessName()), 202);
        String verification = stack.awaitVerificationToken(shop.email(), Duration.ofSeconds(90)).orElseThrow(
                () -> new IllegalStateException("No verification mail reached " + shop.email() + " within 90 s"));
        call("POST", "/api/auth/email-verification", null, Map.of("token", verification), 204);
        String owner = JSON.readTree(call("POST", "/api/auth/login", null,
                Map.of("email", shop.email(), "password", PASSWORD), 200)).path("accessToken").asText();
        for (String channelType : MetaWebhooks.CHANNELS) {
            connect(owner, shop, channelType);
        }
    }

    private void connect(String owner, BenchShop shop, String channelType) throws IOException, InterruptedException {
        String token = "bench-" + channelType.toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", channelType);
        request.put("accessToken", token);
        BenchStack.StubAccount account = switch (channelType) {
            case MetaWebhooks.INSTAGRAM -> {
                request.put("externalId", shop.instagramId());
                request.put("name", shop.businessName() + " on Instagram");
                yield new BenchStack.StubAccount(channelType, shop.instagramId(), "bench.shop." + shop.number(),
                        null, null);
            }
            case MetaWebhooks.MESSENGER -> {
                request.put("externalId", shop.pageId());
                yield new BenchStack.StubAccount(channelType, shop.pageId(), shop.businessName(), null, null);
            }
            default -> {
                request.put("externalId", shop.phoneNumberId());
                request.put("phoneNumberId", shop.phoneNumberId());
                request.put("wabaId", shop.wabaId());
                yield new BenchStack.StubAccount(channelType, shop.phoneNumberId(), shop.businessName(), shop.wabaId(),
                        shop.displayPhoneNumber());
            }
        };
        stack.grantAccount(token, account);
        call("POST", "/api/channels", owner, request, 201);
    }

    private String call(String method, String path, String bearer, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + " (expected "
                    + expected + "): " + answer.body());
        }
        return answer.body();
    }
}
