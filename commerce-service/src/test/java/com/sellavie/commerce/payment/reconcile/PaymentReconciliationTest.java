package com.sellavie.commerce.payment.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.Checkouts;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.commerce.support.Payments;
import com.sellavie.commerce.support.Payments.PlacedOrder;
import com.sellavie.commerce.support.ProviderStubs;
import com.sellavie.events.commerce.OrderExpired;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.OrderRefunded;
import com.sellavie.events.commerce.PaymentFailed;
import com.sellavie.events.ingest.PaymentEventReceived;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Verified payment notifications -> the business's order PAID / PAYMENT_FAILED / REFUNDED, once, in the ledger. */
@CommerceServiceTest
class PaymentReconciliationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    static List<ConsumerRecord<String, OrderPaid>> paid(UUID orderId, int count) {
        return KafkaEvents.awaitCount(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(orderId), count);
    }

    JsonNode order(PlacedOrder order) {
        return Api.asOwnerOf(port, order.customer().business()).get("/api/orders/" + order.id()).json();
    }

    JsonNode ledger(PlacedOrder order) {
        Api.Response response = Api.asMemberOf(port, order.customer().business(), "AGENT")
                .get("/api/payments/transactions?orderId=" + order.id());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void paystackChargeSuccessVerifiedWithPaystackMakesTheOrderPaid() {
        // Given an order paid through its Paystack link, Paystack confirming the transaction
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(order.secret(), order.reference())
                .willReturn(Payments.paystackVerified(order.reference(), 302961, "success", 2_500_000, "NGN")));
        PaymentEventReceived event = Payments.paystackChargeSuccess(order.customer().business(), order.reference(),
                302961, 2_500_000, "NGN");

        // When ingest publishes the verified charge.success
        Payments.publish(event);

        // Then OrderPaid on commerce.orders, keyed by the order
        ConsumerRecord<String, OrderPaid> record = paid(order.id(), 1).getFirst();
        assertThat(record.key()).isEqualTo(order.id().toString());
        OrderPaid orderPaid = record.value();
        assertThat(orderPaid.getBusinessId()).isEqualTo(order.customer().business());
        assertThat(orderPaid.getProvider()).isEqualTo("PAYSTACK");
        assertThat(orderPaid.getReference()).isEqualTo(order.reference());
        assertThat(orderPaid.getProviderTransactionId()).isEqualTo("302961");
        assertThat(orderPaid.getAmountMinor()).isEqualTo(2_500_000);
        assertThat(orderPaid.getCurrency()).isEqualTo("NGN");
        assertThat(orderPaid.getCausationId()).isEqualTo(event.getEventId().toString());
        assertThat(orderPaid.getContactId()).isEqualTo(order.customer().contact());
        // and Paystack was asked with the business's key
        ProviderStubs.PAYSTACK.verify(1, getRequestedFor(urlEqualTo("/transaction/verify/" + order.reference()))
                .withHeader("Authorization", equalTo("Bearer " + order.secret())));
        // and the team sees it paid, with its timeline and ledger row
        JsonNode shown = order(order);
        assertThat(shown.get("status").asString()).isEqualTo("PAID");
        assertThat(shown.get("paidAt").isNull()).isFalse();
        assertThat(shown.get("timeline")).extracting(e -> e.get("kind").asString()).contains("PAID");
        JsonNode row = ledger(order).get(0);
        assertThat(row.get("kind").asString()).isEqualTo("PAYMENT");
        assertThat(row.get("status").asString()).isEqualTo("PAID");
        assertThat(row.get("provider").asString()).isEqualTo("PAYSTACK");
        assertThat(row.get("providerEventId").asString()).isEqualTo("charge.success:302961");
        assertThat(row.get("providerTransactionId").asString()).isEqualTo("302961");
        assertThat(row.get("reference").asString()).isEqualTo(order.reference());
        assertThat(row.get("amountMinor").asLong()).isEqualTo(2_500_000);
        assertThat(row.get("currency").asString()).isEqualTo("NGN");
    }

    @Test
    void flutterwaveChargeCompletedVerifiedByTransactionIdMakesTheOrderPaid() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "FLUTTERWAVE");
        ProviderStubs.FLUTTERWAVE.stubFor(Payments.flutterwaveVerify(order.secret(), 285959875)
                .willReturn(Payments.flutterwaveVerified(order.reference(), 285959875, 2_500_000, "NGN")));

        Payments.publish(Payments.flutterwaveCharge(order.customer().business(), order.reference(), 285959875,
                "successful", 2_500_000, "NGN"));

        OrderPaid orderPaid = paid(order.id(), 1).getFirst().value();
        assertThat(orderPaid.getProvider()).isEqualTo("FLUTTERWAVE");
        assertThat(orderPaid.getProviderTransactionId()).isEqualTo("285959875");
        assertThat(order(order).get("status").asString()).isEqualTo("PAID");
        ProviderStubs.FLUTTERWAVE.verify(1, getRequestedFor(urlEqualTo("/v3/transactions/285959875/verify"))
                .withHeader("Authorization", equalTo("Bearer " + order.secret())));
    }

    @Test
    void stripeSessionCompletedPaysWithoutCallingStripe() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "STRIPE");

        Payments.publish(Payments.stripeSessionCompleted(order.customer().business(), order.reference(), order.id(),
                2_500_000, "USD"));

        OrderPaid orderPaid = paid(order.id(), 1).getFirst().value();
        assertThat(orderPaid.getProvider()).isEqualTo("STRIPE");
        assertThat(orderPaid.getReference()).isEqualTo(order.reference());
        assertThat(orderPaid.getCurrency()).isEqualTo("USD");
        ProviderStubs.STRIPE.verify(0, anyRequestedFor(urlPathMatching("/v1/(checkout/sessions/|payment_intents|charges).+")));
    }

    @Test
    void theSameNotificationThreeTimesPaysOnceWithOneLedgerRow() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(order.secret(), order.reference())
                .willReturn(Payments.paystackVerified(order.reference(), 77, "success", 2_500_000, "NGN")));
        PaymentEventReceived event = Payments.paystackChargeSuccess(order.customer().business(), order.reference(),
                77, 2_500_000, "NGN");

        // the provider retries (two new events from ingest) and Kafka redelivers one record
        Payments.publish(event);
        Payments.publish(Payments.redelivered(event));
        Payments.publish(Payments.redelivered(event));
        Payments.publish(event);

        assertThat(paid(order.id(), 1)).hasSize(1);
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(order.id()),
                Duration.ofSeconds(2))).hasSize(1);
        assertThat(ledger(order)).hasSize(1);
    }

    @Test
    void anotherSuccessForAPaidOrderIsOnlyInTheLedger() {
        // Stripe: session completed, then async_payment_succeeded for the same session (another event id)
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "STRIPE");
        Payments.publish(Payments.stripeSessionCompleted(order.customer().business(), order.reference(), order.id(),
                2_500_000, "USD"));
        paid(order.id(), 1);

        Payments.publish(Payments.stripeSessionCompleted(order.customer().business(), order.reference(), order.id(),
                2_500_000, "USD"));

        assertThat(awaitLedger(order, 2)).extracting(r -> r.get("status").asString())
                .containsExactly("ALREADY_PAID", "PAID");
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(order.id()),
                Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void aFailureThenASuccessEndsPaid() {
        Customer customer = Customer.of(UUID.randomUUID());
        PlacedOrder order = Payments.orderWithLink(port, customer, "FLUTTERWAVE");
        ProviderStubs.FLUTTERWAVE.stubFor(Payments.flutterwaveVerify(order.secret(), 502)
                .willReturn(Payments.flutterwaveVerified(order.reference(), 502, 2_500_000, "NGN")));

        Payments.publish(Payments.flutterwaveCharge(customer.business(), order.reference(), 501, "failed", 2_500_000,
                "NGN"));
        KafkaEvents.awaitCount(Checkouts.ORDERS, PaymentFailed.class, e -> e.getOrderId().equals(order.id()), 1);
        assertThat(order(order).get("status").asString()).isEqualTo("PAYMENT_FAILED");
        Payments.publish(Payments.flutterwaveCharge(customer.business(), order.reference(), 502, "successful",
                2_500_000, "NGN"));

        assertThat(paid(order.id(), 1)).hasSize(1);
        assertThat(order(order).get("status").asString()).isEqualTo("PAID");
        assertThat(order(order).get("timeline")).extracting(e -> e.get("kind").asString())
                .containsSubsequence("PAYMENT_FAILED", "PAID");
    }

    @Test
    void aSuccessThenAFailureEndsPaid() {
        Customer customer = Customer.of(UUID.randomUUID());
        PlacedOrder order = Payments.orderWithLink(port, customer, "FLUTTERWAVE");
        ProviderStubs.FLUTTERWAVE.stubFor(Payments.flutterwaveVerify(order.secret(), 601)
                .willReturn(Payments.flutterwaveVerified(order.reference(), 601, 2_500_000, "NGN")));

        Payments.publish(Payments.flutterwaveCharge(customer.business(), order.reference(), 601, "successful",
                2_500_000, "NGN"));
        paid(order.id(), 1);
        Payments.publish(Payments.flutterwaveCharge(customer.business(), order.reference(), 602, "failed", 2_500_000,
                "NGN"));

        assertThat(awaitLedger(order, 2)).extracting(r -> r.get("status").asString())
                .containsExactly("FAILURE_IGNORED", "PAID");
        assertThat(order(order).get("status").asString()).isEqualTo("PAID");
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, PaymentFailed.class, e -> e.getOrderId().equals(order.id()),
                Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aRefundOfAPaidOrderRefundsIt() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(order.secret(), order.reference())
                .willReturn(Payments.paystackVerified(order.reference(), 88, "success", 2_500_000, "NGN")));
        Payments.publish(Payments.paystackChargeSuccess(order.customer().business(), order.reference(), 88,
                2_500_000, "NGN"));
        paid(order.id(), 1);

        Payments.publish(Payments.paystackRefund(order.customer().business(), order.reference(), 3018284, 2_500_000,
                "NGN"));

        OrderRefunded refunded = KafkaEvents.awaitCount(Checkouts.ORDERS, OrderRefunded.class,
                e -> e.getOrderId().equals(order.id()), 1).getFirst().value();
        assertThat(refunded.getAmountMinor()).isEqualTo(2_500_000);
        assertThat(refunded.getCurrency()).isEqualTo("NGN");
        assertThat(order(order).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(awaitLedger(order, 2)).extracting(r -> r.get("kind").asString() + " " + r.get("status").asString())
                .containsExactly("REFUND REFUNDED", "PAYMENT PAID");
    }

    @Test
    void aPaymentForAnExpiredOrderStillPaysIt() {
        // Given an order left unpaid past its time
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "STRIPE");
        Checkouts.agePendingOrders(jdbc, order.customer().business(), Duration.ofMinutes(1));
        KafkaEvents.awaitCount(Checkouts.ORDERS, OrderExpired.class, e -> e.getOrderId().equals(order.id()), 1);

        // When the customer's payment arrives late
        Payments.publish(Payments.stripeSessionCompleted(order.customer().business(), order.reference(), order.id(),
                2_500_000, "USD"));

        // Then the money is there: the order is paid
        assertThat(paid(order.id(), 1)).hasSize(1);
        assertThat(order(order).get("timeline")).extracting(e -> e.get("kind").asString())
                .containsSubsequence("EXPIRED", "PAID");
    }

    @Test
    void aVerifyCallTimingOutIsRetriedAndCounted() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "FLUTTERWAVE");
        ProviderStubs.FLUTTERWAVE.stubFor(Payments.flutterwaveVerify(order.secret(), 801)
                .willReturn(Payments.flutterwaveVerified(order.reference(), 801, 2_500_000, "NGN").withFixedDelay(3000)));
        double retriedBefore = count("retried", "FLUTTERWAVE");

        Payments.publish(Payments.flutterwaveCharge(order.customer().business(), order.reference(), 801, "successful",
                2_500_000, "NGN"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count("retried", "FLUTTERWAVE") > retriedBefore);
        assertThat(order(order).get("status").asString()).isEqualTo("PENDING_PAYMENT");
        ProviderStubs.FLUTTERWAVE.stubFor(Payments.flutterwaveVerify(order.secret(), 801)
                .willReturn(Payments.flutterwaveVerified(order.reference(), 801, 2_500_000, "NGN")));

        assertThat(paid(order.id(), 1)).hasSize(1);
        assertThat(count("paid", "FLUTTERWAVE")).isPositive();
    }

    private double count(String outcome, String provider) {
        var counter = meters.find("sellavie.commerce.payments").tags("outcome", outcome, "provider", provider).counter();
        return counter == null ? 0 : counter.count();
    }

    private JsonNode awaitLedger(PlacedOrder order, int rows) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ledger(order), l -> l.size() >= rows);
    }
}
