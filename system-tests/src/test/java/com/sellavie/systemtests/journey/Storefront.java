package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.SellavieStack;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/**
 * A {@link Shop} that sells: a linen shirt at 45.00 in its currency (LINEN-SHIRT, 10 in stock) and
 * one payment provider, connected as a merchant does through the console's API. Knows the
 * provider's webhook URL and secrets, to play the provider.
 */
record Storefront(Shop shop, String token, String provider, String webhookPath, String secretKey,
        String webhookSecret) {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    static final long SHIRT_PRICE_MINOR = 4500;

    static Storefront open(SellavieStack stack, IngestRouting routing, ConsumerProgress progress, String provider,
            String currency) {
        Shop shop = Shop.open(stack, routing);
        String token = shop.accessToken();
        Map<String, Object> shirt = new LinkedHashMap<>();
        shirt.put("sku", "LINEN-SHIRT");
        shirt.put("name", "Linen shirt");
        shirt.put("description", "White linen shirt, relaxed fit.");
        shirt.put("priceMinor", SHIRT_PRICE_MINOR);
        shirt.put("currency", currency);
        shirt.put("stock", 10);
        shirt.put("active", true);
        Map<TopicPartition, Long> catalog = progress.mark("commerce.catalog");
        assertThat(shop.gateway().putJson("/api/catalog/products/LINEN-SHIRT", shirt, token).status()).isIn(200, 201);
        String random = UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> settings = new LinkedHashMap<>();
        String secretKey;
        String webhookSecret;
        switch (provider) {
            case "STRIPE" -> {
                secretKey = "sk_test_" + random;
                webhookSecret = "whsec_" + random;
                settings.put("publicKey", "pk_test_" + random);
                settings.put("webhookSecret", webhookSecret);
            }
            case "PAYSTACK" -> {
                secretKey = "sk_test_" + random;
                webhookSecret = null;
                settings.put("publicKey", "pk_test_" + random);
            }
            case "FLUTTERWAVE" -> {
                secretKey = "FLWSECK_TEST-" + random + "-X";
                webhookSecret = "hash-" + random;
                settings.put("publicKey", "FLWPUBK_TEST-" + random + "-X");
                settings.put("webhookSecret", webhookSecret);
            }
            default -> throw new IllegalArgumentException(provider);
        }
        settings.put("secretKey", secretKey);
        settings.put("mode", "TEST");
        settings.put("currency", currency);
        settings.put("isDefault", true);
        JsonNode connected = shop.gateway().putJson("/api/payments/providers/" + provider, settings, token)
                .expect(201).json();
        String webhookPath = URI.create(connected.path("webhookUrl").asText()).getPath();
        assertThat(webhookPath).isEqualTo("/webhooks/" + provider.toLowerCase() + "/"
                + connected.path("endpointId").asText());
        progress.awaitCaughtUp("ai-service", "commerce.catalog", catalog, TIMEOUT);
        return new Storefront(shop, token, provider, webhookPath, secretKey, webhookSecret);
    }

    /** The customer asks for two shirts; returns the order once its payment link reached them. */
    JsonNode orderTwoShirts(MetaGraphApi meta, String customer) {
        shop.deliver(shop.dm(customer, "Hi! I'd like 2 linen shirts please"));
        await("the answer and the payment link at the Send API").atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> meta.sendApiCallsTo(customer), c -> c.size() >= 2);
        JsonNode order = await("the order").atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> shop.gateway().get("/api/orders", token).expect(200).json(), o -> !o.isEmpty()).get(0);
        assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("totalMinor").asLong()).isEqualTo(2 * SHIRT_PRICE_MINOR);
        assertThat(order.path("reference").asText()).isNotBlank();
        return order;
    }

    Gateway.Answer postWebhook(PaymentWebhooks.Signed webhook) {
        return postWebhook(webhookPath, webhook);
    }

    Gateway.Answer postWebhook(String path, PaymentWebhooks.Signed webhook) {
        return shop.gateway().postWebhook(path, webhook.body(), webhook.headers());
    }

    JsonNode order(String orderId) {
        return shop.gateway().get("/api/orders/" + orderId, token).expect(200).json();
    }

    JsonNode awaitOrderStatus(String orderId, String status) {
        return await("order " + orderId + " " + status).atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> order(orderId), o -> status.equals(o.path("status").asText()));
    }

    List<JsonNode> invoices() {
        return list(shop.gateway().get("/api/invoices", token).expect(200).json());
    }

    List<JsonNode> awaitInvoices(int count) {
        return await(count + " invoice(s)").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(this::invoices, i -> i.size() >= count);
    }

    List<JsonNode> transactions(String orderId) {
        return list(shop.gateway().get("/api/payments/transactions?orderId=" + orderId, token).expect(200).json());
    }

    List<JsonNode> discrepancies() {
        return list(shop.gateway().get("/api/payments/discrepancies", token).expect(200).json());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
