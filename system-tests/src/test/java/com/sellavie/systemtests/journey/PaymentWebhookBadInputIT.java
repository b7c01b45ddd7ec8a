package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.PaymentProviderApis;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input at the payment webhooks, through the gateway against the real ingest and commerce: each
 * gets its documented answer, nothing is marked paid, nothing reaches commerce's ledger, and the
 * next valid webhook still pays the order.
 */
@ExtendWith(SellavieStackExtension.class)
class PaymentWebhookBadInputIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private static SellavieStack stack;
    private static PaymentProviderApis payments;
    private static IngestRouting routing;
    private static ConsumerProgress progress;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
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
    void everyBadWebhookIsRefusedOrRecordedAndNothingIsPaidUntilTheValidOne() {
        // Given a Paystack shop and a Stripe shop, each with an order waiting for payment
        Storefront paystack = Storefront.open(stack, routing, progress, "PAYSTACK", "NGN");
        JsonNode order = paystack.orderTwoShirts(stack.metaGraphApi(), paystack.shop().newCustomer());
        String orderId = order.path("id").asText();
        String reference = order.path("reference").asText();
        Storefront stripe = Storefront.open(stack, routing, progress, "STRIPE", "EUR");
        JsonNode otherOrder = stripe.orderTwoShirts(stack.metaGraphApi(), stripe.shop().newCustomer());
        String charge = PaymentWebhooks.paystackChargeSuccess(424242, reference, 9000, "NGN");
        PaymentWebhooks.Signed valid = PaymentWebhooks.paystack(charge, paystack.secretKey());
        String signature = valid.headers().get("x-paystack-signature");

        // When the signature is missing, wrong, truncated, or the body was changed after signing: 401
        assertThat(paystack.postWebhook(valid.withHeaders(Map.of())).status()).isEqualTo(401);
        assertThat(paystack.postWebhook(PaymentWebhooks.paystack(charge, "sk_test_not-the-shops-key")).status())
                .isEqualTo(401);
        assertThat(paystack.postWebhook(valid.withHeaders(Map.of("x-paystack-signature",
                signature.substring(0, signature.length() / 2)))).status()).isEqualTo(401);
        assertThat(paystack.postWebhook(valid.withBody(charge.replace("\"amount\":9000", "\"amount\":900")
                .getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(401);
        // a Stripe signature older than the 300 s tolerance: 401
        assertThat(stripe.postWebhook(PaymentWebhooks.stripeAt(PaymentWebhooks.stripeSessionEvent("evt_stale0000000001",
                "checkout.session.completed", otherOrder.path("reference").asText(), otherOrder.path("id").asText(),
                9000, "EUR", "paid"), stripe.webhookSecret(), System.currentTimeMillis() / 1000 - 400)).status())
                .isEqualTo(401);
        // another business's endpoint, signed with a secret that is not that business's: 401
        assertThat(stripe.postWebhook(PaymentWebhooks.stripe(PaymentWebhooks.stripeSessionEvent("evt_foreign000000001",
                "checkout.session.completed", otherOrder.path("reference").asText(), otherOrder.path("id").asText(),
                9000, "EUR", "paid"), "whsec_" + paystack.secretKey())).status()).isEqualTo(401);
        // another business's endpoint id under another provider's path: 404, as for an unknown one
        assertThat(paystack.postWebhook(stripe.webhookPath().replace("/stripe/", "/paystack/"), valid).status())
                .isEqualTo(404);
        // an endpoint id nobody has: 404
        assertThat(paystack.postWebhook("/webhooks/paystack/pe_000000000000000000000000", valid).status())
                .isEqualTo(404);
        // invalid JSON under a valid signature: 400
        assertThat(paystack.postWebhook(PaymentWebhooks.paystack("{\"event\":\"charge.success\",", paystack.secretKey()))
                .status()).isEqualTo(400);
        // a body over 1 MiB: 413
        String huge = "{\"event\":\"charge.success\",\"padding\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertThat(paystack.postWebhook(PaymentWebhooks.paystack(huge, paystack.secretKey())).status()).isEqualTo(413);

        // And validly signed notifications that do not match the order are recorded, never paid
        paystack.postWebhook(PaymentWebhooks.paystack(PaymentWebhooks.paystackChargeSuccess(5001, reference, 100, "NGN"),
                paystack.secretKey())).expect(200);
        paystack.postWebhook(PaymentWebhooks.paystack(PaymentWebhooks.paystackChargeSuccess(5002, reference, 9000, "USD"),
                paystack.secretKey())).expect(200);
        paystack.postWebhook(PaymentWebhooks.paystack(PaymentWebhooks.paystackChargeSuccess(5003,
                otherOrder.path("reference").asText(), 9000, "EUR"), paystack.secretKey())).expect(200);
        List<JsonNode> discrepancies = await("three discrepancies").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(paystack::discrepancies, d -> d.size() >= 3);
        assertThat(discrepancies).extracting(d -> d.path("kind").asText())
                .containsExactlyInAnyOrder("AMOUNT_MISMATCH", "CURRENCY_MISMATCH", "UNKNOWN_REFERENCE");
        assertThat(paystack.order(orderId).path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(stripe.order(otherOrder.path("id").asText()).path("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(stripe.discrepancies()).isEmpty();
        // none of the refused webhooks reached commerce: its ledger holds only the two mismatches of this order
        assertThat(paystack.transactions(orderId)).extracting(t -> t.path("providerTransactionId").asText())
                .allMatch(id -> Arrays.asList("5001", "5002").contains(id));

        // Then the valid webhook still pays the order
        payments.paystackVerifies(reference, 424242, 9000, "NGN", "success");
        paystack.postWebhook(valid).expect(200);
        paystack.awaitOrderStatus(orderId, "PAID");
    }
}
