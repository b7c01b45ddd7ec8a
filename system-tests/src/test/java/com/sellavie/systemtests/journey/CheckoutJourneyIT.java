package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.MetaGraphApi.SendApiCall;
import com.sellavie.systemtests.stack.PaymentProviderApis;
import com.sellavie.systemtests.stack.PaymentProviderApis.StripeSession;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 3 of ARCHITECTURE.md up to the payment link, from outside: a merchant with a catalog and a
 * Stripe account; a customer's DM "I'd like 2 linen shirts" goes gateway → ingest → conversation → ai
 * (offline assistant, CHECKOUT action) → commerce (an order priced from the catalog, a Checkout
 * Session at Stripe) → conversation → Meta's Send API, exactly once.
 */
@ExtendWith(SellavieStackExtension.class)
class CheckoutJourneyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static SellavieStack stack;
    private static MetaGraphApi meta;
    private static PaymentProviderApis payments;
    private static IngestRouting routing;
    private static ConsumerProgress progress;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
        meta = sellavie.metaGraphApi();
        payments = sellavie.paymentProviders();
        routing = new IngestRouting(sellavie.kafkaBootstrap());
        progress = new ConsumerProgress(sellavie.kafkaBootstrap());
    }

    @AfterAll
    static void disconnect() {
        routing.close();
        progress.close();
    }

    @Test
    void aPurchaseDmBecomesOneOrderPricedFromTheCatalogAndItsPaymentLinkIsSentOnce() {
        // Given a shop selling a linen shirt at EUR 45.00 and taking payments with Stripe
        Shop shop = Shop.open(stack, routing);
        String token = shop.accessToken();
        Map<String, Object> shirt = new LinkedHashMap<>();
        shirt.put("sku", "LINEN-SHIRT");
        shirt.put("name", "Linen shirt");
        shirt.put("description", "White linen shirt, relaxed fit.");
        shirt.put("priceMinor", 4500);
        shirt.put("currency", "EUR");
        shirt.put("stock", 10);
        shirt.put("active", true);
        Map<TopicPartition, Long> catalog = progress.mark("commerce.catalog");
        assertThat(shop.gateway().putJson("/api/catalog/products/LINEN-SHIRT", shirt, token).status())
                .isIn(200, 201);
        String secretKey = "sk_test_" + hex(12);
        shop.gateway().putJson("/api/payments/providers/STRIPE", Map.of("secretKey", secretKey,
                "publicKey", "pk_test_" + hex(12), "webhookSecret", "whsec_" + hex(16), "mode", "TEST",
                "currency", "EUR", "isDefault", true), token).expect(201);
        progress.awaitCaughtUp("ai-service", "commerce.catalog", catalog, TIMEOUT);

        // When a customer asks for two of them
        String customer = shop.newCustomer();
        InstagramDm dm = shop.dm(customer, "Hi! I'd like 2 linen shirts please");
        shop.deliver(dm);

        // Then the customer gets the assistant's answer, then one payment link
        List<SendApiCall> calls = await("the answer and the payment link at the Send API").atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(300)).until(() -> meta.sendApiCallsTo(customer), c -> c.size() >= 2);
        assertThat(calls.get(0).text()).doesNotContain("[[").containsIgnoringCase("linen shirt");
        JsonNode order = await("one order").atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> shop.gateway().get("/api/orders", token).expect(200).json(), o -> !o.isEmpty())
                .get(0);
        String orderId = order.path("id").asText();
        StripeSession session = payments.stripeSessions().stream()
                .filter(s -> orderId.equals(s.form().get("client_reference_id"))).findFirst().orElseThrow();
        assertThat(calls.get(1).text()).contains(session.url());

        // And the order is priced from the catalog, never from the model, and waits for payment
        assertThat(order.path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.path("totalMinor").asLong()).isEqualTo(9000);
        assertThat(order.path("currency").asText()).isEqualTo("EUR");
        assertThat(order.path("provider").asText()).isEqualTo("STRIPE");
        assertThat(order.path("items")).singleElement().satisfies(line -> {
            assertThat(line.path("sku").asText()).isEqualTo("LINEN-SHIRT");
            assertThat(line.path("qty").asInt()).isEqualTo(2);
            assertThat(line.path("unitPriceMinor").asLong()).isEqualTo(4500);
        });
        assertThat(shop.gateway().get("/api/orders/" + orderId, token).expect(200).json().path("checkoutUrl").asText())
                .isEqualTo(session.url());

        // And Stripe was asked once, for exactly those items, idempotently per order
        assertThat(session.idempotencyKey()).isEqualTo(orderId);
        assertThat(session.form()).containsEntry("mode", "payment")
                .containsEntry("line_items[0][quantity]", "2")
                .containsEntry("line_items[0][price_data][unit_amount]", "4500")
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("metadata[order_id]", orderId);

        // And Meta re-delivering the same webhook changes nothing: one order, one session, one link
        shop.deliver(dm);
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, customer, 2, TIMEOUT);
        assertThat(messages).extracting(Replies::direction)
                .containsExactly("INBOUND", "OUTBOUND", "OUTBOUND", "INBOUND", "OUTBOUND");
        assertThat(messages.get(2).path("authorType").asText()).isEqualTo("SYSTEM");
        assertThat(Replies.text(messages.get(2))).contains(session.url());
        assertThat(Replies.status(messages.get(2))).isEqualTo("SENT");
        assertThat(shop.gateway().get("/api/orders", token).expect(200).json()).hasSize(1);
        assertThat(payments.stripeSessions()).filteredOn(s -> orderId.equals(s.form().get("client_reference_id")))
                .hasSize(1);

        // And another business sees neither the order nor the product
        String other = Shop.anotherBusinessToken(stack);
        assertThat(shop.gateway().get("/api/orders", other).expect(200).json()).isEmpty();
        shop.gateway().get("/api/orders/" + orderId, other).expect(404);
        shop.gateway().get("/api/catalog/products/LINEN-SHIRT", other).expect(404);
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
