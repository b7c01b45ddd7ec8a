package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.MetaGraphApi.SendApiCall;
import com.sellavie.systemtests.stack.PaymentProviderApis;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.io.IOException;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 3 of ARCHITECTURE.md past the payment link, from outside: the provider's signed webhook
 * reaches the gateway → ingest (verified on its raw bytes) → commerce (reconciled: reference,
 * amount, currency, the provider's own verification for Paystack and Flutterwave) → the order is
 * PAID, one invoice with the business's next number, its PDF, one receipt in the conversation. With
 * Stripe, Paystack and Flutterwave; webhooks delivered three times and out of order.
 */
@ExtendWith(SellavieStackExtension.class)
class PaymentJourneyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

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
    void aStripePaymentDeliveredThreeTimesPaysTheOrderOnceWithOneInvoiceAndOneReceipt() throws IOException {
        // Given a Stripe shop whose customer got a payment link for 2 linen shirts (EUR 90.00)
        Storefront shop = Storefront.open(stack, routing, progress, "STRIPE", "EUR");
        String customer = shop.shop().newCustomer();
        JsonNode order = shop.orderTwoShirts(meta, customer);
        String orderId = order.path("id").asText();
        String sessionId = order.path("reference").asText();
        assertThat(sessionId).startsWith("cs_test_");

        // When Stripe reports the session completed, three times (same event, same bytes)
        PaymentWebhooks.Signed completed = PaymentWebhooks.stripe(PaymentWebhooks.stripeSessionEvent(
                "evt_" + hex(), "checkout.session.completed", sessionId, orderId, 9000, "EUR", "paid"),
                shop.webhookSecret());
        for (int delivery = 0; delivery < 3; delivery++) {
            shop.postWebhook(completed).expect(200);
        }

        // Then the order is PAID, with one invoice numbered first of the year for this business
        JsonNode paid = shop.awaitOrderStatus(orderId, "PAID");
        assertThat(paid.path("paidAt").asText()).isNotBlank();
        JsonNode invoice = shop.awaitInvoices(1).get(0);
        String number = "INV-" + Year.now(ZoneOffset.UTC) + "-000001";
        assertThat(invoice.path("number").asText()).isEqualTo(number);
        assertThat(invoice.path("orderId").asText()).isEqualTo(orderId);
        assertThat(invoice.path("totalMinor").asLong()).isEqualTo(9000);
        assertThat(invoice.path("currency").asText()).isEqualTo("EUR");

        // And its PDF is a real PDF naming the number and the total
        Gateway.Download pdf = shop.shop().gateway().download("/api/invoices/" + invoice.path("id").asText() + "/pdf",
                shop.token());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.disposition()).contains(number + ".pdf");
        PdfReader reader = new PdfReader(pdf.body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains(number).contains("90.00").containsIgnoringCase("linen shirt");

        // And the customer got exactly one receipt, after the answer and the link
        List<SendApiCall> calls = await("the receipt at the Send API").atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> meta.sendApiCallsTo(customer), c -> c.size() >= 3);
        assertThat(calls.get(2).text()).contains(number);
        Replies.assertNoLateDuplicate(meta, shop.shop(), customer, 3, TIMEOUT);
        assertThat(shop.invoices()).hasSize(1);
        assertThat(shop.transactions(orderId)).extracting(t -> t.path("kind").asText()).containsOnly("PAYMENT");

        // And another business can neither see the invoice nor download it
        String other = Shop.anotherBusinessToken(stack);
        shop.shop().gateway().get("/api/invoices/" + invoice.path("id").asText(), other).expect(404);
        assertThat(shop.shop().gateway().download("/api/invoices/" + invoice.path("id").asText() + "/pdf", other)
                .status()).isEqualTo(404);
        assertThat(shop.shop().gateway().get("/api/invoices", other).expect(200).json()).isEmpty();
    }

    @Test
    void aPaystackChargeIsVerifiedWithPaystackBeforeTheOrderIsPaid() {
        // Given a Paystack shop (NGN) whose customer got a link; Paystack confirms the transaction
        Storefront shop = Storefront.open(stack, routing, progress, "PAYSTACK", "NGN");
        String customer = shop.shop().newCustomer();
        JsonNode order = shop.orderTwoShirts(meta, customer);
        String orderId = order.path("id").asText();
        String reference = order.path("reference").asText();
        long transactionId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        payments.paystackVerifies(reference, transactionId, 9000, "NGN", "success");

        // When Paystack's charge.success arrives
        shop.postWebhook(PaymentWebhooks.paystack(PaymentWebhooks.paystackChargeSuccess(transactionId, reference, 9000,
                "NGN"), shop.secretKey())).expect(200);

        // Then the order is PAID after Paystack was asked, and invoiced with this business's first number
        shop.awaitOrderStatus(orderId, "PAID");
        assertThat(payments.verifyCalls("/transaction/verify/" + reference)).isGreaterThanOrEqualTo(1);
        assertThat(shop.awaitInvoices(1).get(0).path("number").asText())
                .isEqualTo("INV-" + Year.now(ZoneOffset.UTC) + "-000001");
    }

    @Test
    void aFlutterwaveFailureThenASuccessEndsPaidOnceAndRepeatsInAnyOrderChangeNothing() {
        // Given a Flutterwave shop whose customer's first card attempt failed and second succeeded
        Storefront shop = Storefront.open(stack, routing, progress, "FLUTTERWAVE", "NGN");
        String customer = shop.shop().newCustomer();
        JsonNode order = shop.orderTwoShirts(meta, customer);
        String orderId = order.path("id").asText();
        String txRef = order.path("reference").asText();
        long failedId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        long succeededId = failedId + 1;
        payments.flutterwaveVerifies(succeededId, txRef, "90", "NGN", "successful");
        PaymentWebhooks.Signed failed = PaymentWebhooks.flutterwave(PaymentWebhooks.flutterwaveChargeCompleted(
                failedId, txRef, "90", "NGN", "failed"), shop.webhookSecret());
        PaymentWebhooks.Signed succeeded = PaymentWebhooks.flutterwave(PaymentWebhooks.flutterwaveChargeCompleted(
                succeededId, txRef, "90", "NGN", "successful"), shop.webhookSecret());

        // When the failure arrives, then the success, then both again in the other order
        shop.postWebhook(failed).expect(200);
        shop.awaitOrderStatus(orderId, "PAYMENT_FAILED");
        shop.postWebhook(succeeded).expect(200);
        shop.awaitOrderStatus(orderId, "PAID");
        shop.postWebhook(succeeded).expect(200);
        shop.postWebhook(failed).expect(200);

        // Then the order stays PAID with one invoice and one receipt; the failure is in the ledger
        await("the failure in the ledger").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> shop.transactions(orderId), t -> t.stream().anyMatch(x -> "FAILURE".equals(
                        x.path("kind").asText())));
        assertThat(shop.order(orderId).path("status").asText()).isEqualTo("PAID");
        assertThat(shop.awaitInvoices(1)).hasSize(1);
        Replies.assertNoLateDuplicate(meta, shop.shop(), customer, 3, TIMEOUT);
    }

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
