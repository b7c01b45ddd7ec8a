package com.sellavie.commerce.payment.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.Checkouts;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.commerce.support.Payments;
import com.sellavie.commerce.support.Payments.PlacedOrder;
import com.sellavie.commerce.support.ProviderStubs;
import com.sellavie.commerce.support.Providers;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.PaymentDiscrepancyRecorded;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Notifications that do not match never mark anything paid: recorded, published and shown to the team. */
@CommerceServiceTest
class PaymentDiscrepancyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    static ConsumerRecord<String, PaymentDiscrepancyRecorded> discrepancy(UUID business) {
        return KafkaEvents.awaitCount(Checkouts.ORDERS, PaymentDiscrepancyRecorded.class,
                e -> e.getBusinessId().equals(business), 1).getFirst();
    }

    void assertNothingPaid(PlacedOrder order) {
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(order.id()),
                Duration.ofSeconds(1))).isEmpty();
        assertThat(order(order).get("status").asString()).isEqualTo("PENDING_PAYMENT");
    }

    JsonNode order(PlacedOrder order) {
        return Api.asOwnerOf(port, order.customer().business()).get("/api/orders/" + order.id()).json();
    }

    JsonNode discrepancies(UUID business) {
        Api.Response response = Api.asMemberOf(port, business, "AGENT").get("/api/payments/discrepancies");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aSmallerAmountPaysNothingAndIsShownToTheTeam() {
        // Given an order of NGN 25,000.00
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(order.secret(), order.reference())
                .willReturn(Payments.paystackVerified(order.reference(), 11, "success", 2_400_000, "NGN")));

        // When Paystack reports NGN 24,000.00 paid for its reference
        Payments.publish(Payments.paystackChargeSuccess(order.customer().business(), order.reference(), 11,
                2_400_000, "NGN"));

        // Then a discrepancy, keyed by the order, and nothing paid
        ConsumerRecord<String, PaymentDiscrepancyRecorded> record = discrepancy(order.customer().business());
        assertThat(record.key()).isEqualTo(order.id().toString());
        PaymentDiscrepancyRecorded event = record.value();
        assertThat(event.getKind()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(event.getOrderId()).isEqualTo(order.id());
        assertThat(event.getExpectedAmountMinor()).isEqualTo(2_500_000);
        assertThat(event.getReceivedAmountMinor()).isEqualTo(2_400_000);
        assertThat(event.getProvider()).isEqualTo("PAYSTACK");
        assertThat(event.getProviderEventId()).isEqualTo("charge.success:11");
        assertThat(event.getReference()).isEqualTo(order.reference());
        assertNothingPaid(order);
        ProviderStubs.PAYSTACK.verify(0, getRequestedFor(urlEqualTo("/transaction/verify/" + order.reference())));
        assertThat(order(order).get("timeline")).extracting(e -> e.get("kind").asString()).contains("DISCREPANCY");
        JsonNode shown = discrepancies(order.customer().business()).get(0);
        assertThat(shown.get("kind").asString()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(shown.get("orderId").asString()).isEqualTo(order.id().toString());
        assertThat(shown.get("expectedAmountMinor").asLong()).isEqualTo(2_500_000);
        assertThat(shown.get("receivedAmountMinor").asLong()).isEqualTo(2_400_000);
        assertThat(shown.get("currency").asString()).isEqualTo("NGN");
        JsonNode ledger = Api.asOwnerOf(port, order.customer().business())
                .get("/api/payments/transactions?orderId=" + order.id()).json();
        assertThat(ledger).singleElement().satisfies(r -> assertThat(r.get("status").asString()).isEqualTo("DISCREPANCY"));
    }

    @Test
    void anotherCurrencyPaysNothing() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");

        Payments.publish(Payments.paystackChargeSuccess(order.customer().business(), order.reference(), 12,
                2_500_000, "GHS"));

        PaymentDiscrepancyRecorded event = discrepancy(order.customer().business()).value();
        assertThat(event.getKind()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(event.getCurrency()).isEqualTo("GHS");
        assertNothingPaid(order);
    }

    @Test
    void anUnknownReferenceIsRecordedWithoutAnOrder() {
        UUID business = UUID.randomUUID();
        Providers.configure(port, business, "PAYSTACK");

        Payments.publish(Payments.paystackChargeSuccess(business, "SLV-NOSUCHORDER", 13, 2_500_000, "NGN"));

        ConsumerRecord<String, PaymentDiscrepancyRecorded> record = discrepancy(business);
        assertThat(record.value().getKind()).isEqualTo("UNKNOWN_REFERENCE");
        assertThat(record.value().getOrderId()).isNull();
        assertThat(record.key()).isEqualTo(record.value().getDiscrepancyId().toString());
        assertThat(discrepancies(business)).singleElement()
                .satisfies(d -> assertThat(d.get("reference").asString()).isEqualTo("SLV-NOSUCHORDER"));
    }

    @Test
    void anotherBusinesssReferenceNeverTouchesNorRevealsItsOrder() {
        // Given business A's order, and business B
        PlacedOrder theirs = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(theirs.secret(), theirs.reference())
                .willReturn(Payments.paystackVerified(theirs.reference(), 14, "success", 2_500_000, "NGN")));
        UUID other = UUID.randomUUID();
        Providers.configure(port, other, "PAYSTACK");

        // When B's endpoint receives a payment naming A's reference with A's amount
        Payments.publish(Payments.paystackChargeSuccess(other, theirs.reference(), 14, 2_500_000, "NGN"));

        // Then B records an unknown reference, with no order
        PaymentDiscrepancyRecorded event = discrepancy(other).value();
        assertThat(event.getKind()).isEqualTo("UNKNOWN_REFERENCE");
        assertThat(event.getOrderId()).isNull();
        assertThat(discrepancies(other).get(0).get("orderId").isNull()).isTrue();
        // and A's order is untouched, A sees nothing
        assertNothingPaid(theirs);
        assertThat(discrepancies(theirs.customer().business())).isEmpty();
        assertThat(order(theirs).get("timeline")).extracting(e -> e.get("kind").asString())
                .doesNotContain("DISCREPANCY");
    }

    @Test
    void paystackRefusingTheVerificationPaysNothing() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(order.secret(), order.reference())
                .willReturn(Payments.paystackInvalidKey()));

        Payments.publish(Payments.paystackChargeSuccess(order.customer().business(), order.reference(), 15,
                2_500_000, "NGN"));

        PaymentDiscrepancyRecorded event = discrepancy(order.customer().business()).value();
        assertThat(event.getKind()).isEqualTo("VERIFICATION_FAILED");
        assertNothingPaid(order);
        assertThat(discrepancies(order.customer().business()).get(0).get("detail").asString())
                .contains("Invalid key").doesNotContain(order.secret());
    }

    @Test
    void paystackReportingAnotherAmountPaysNothing() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(order.secret(), order.reference())
                .willReturn(Payments.paystackVerified(order.reference(), 16, "success", 100, "NGN")));

        Payments.publish(Payments.paystackChargeSuccess(order.customer().business(), order.reference(), 16,
                2_500_000, "NGN"));

        assertThat(discrepancy(order.customer().business()).value().getKind()).isEqualTo("VERIFICATION_FAILED");
        assertNothingPaid(order);
    }

    @Test
    void flutterwaveSayingTheTransactionFailedPaysNothing() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "FLUTTERWAVE");
        ProviderStubs.FLUTTERWAVE.stubFor(Payments.flutterwaveVerify(order.secret(), 701)
                .willReturn(Payments.flutterwaveVerifiedWithStatus(order.reference(), 701, "failed", 2_500_000,
                        "NGN")));

        Payments.publish(Payments.flutterwaveCharge(order.customer().business(), order.reference(), 701,
                "successful", 2_500_000, "NGN"));

        PaymentDiscrepancyRecorded event = discrepancy(order.customer().business()).value();
        assertThat(event.getKind()).isEqualTo("VERIFICATION_FAILED");
        assertNothingPaid(order);
        assertThat(order(order).get("timeline")).extracting(e -> e.get("detail").asString())
                .contains("VERIFICATION_FAILED: FLUTTERWAVE says the transaction is failed");
    }

    @Test
    void aCancelledOrderIsNotPaid() {
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "STRIPE");
        assertThat(Api.asOwnerOf(port, order.customer().business()).post("/api/orders/" + order.id() + "/cancel", "")
                .status()).isEqualTo(200);

        Payments.publish(Payments.stripeSessionCompleted(order.customer().business(), order.reference(), order.id(),
                2_500_000, "USD"));

        assertThat(discrepancy(order.customer().business()).value().getKind()).isEqualTo("ORDER_NOT_PAYABLE");
        assertThat(order(order).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(order.id()),
                Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void paystackDownThenUpPaysLaterWithoutHoldingBackAnotherBusiness() {
        // Given Paystack answering 503 to A's verification
        PlacedOrder slow = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(slow.secret(), slow.reference())
                .willReturn(Payments.unavailable()));
        PlacedOrder quick = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "STRIPE");

        // When A's payment comes, and is retried
        Payments.publish(Payments.paystackChargeSuccess(slow.customer().business(), slow.reference(), 17,
                2_500_000, "NGN"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ProviderStubs.PAYSTACK
                .findAll(getRequestedFor(urlEqualTo("/transaction/verify/" + slow.reference()))).size() >= 2);
        // Then B's payment is processed meanwhile
        Payments.publish(Payments.stripeSessionCompleted(quick.customer().business(), quick.reference(), quick.id(),
                2_500_000, "USD"));
        KafkaEvents.awaitCount(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(quick.id()), 1);
        assertThat(order(slow).get("status").asString()).isEqualTo("PENDING_PAYMENT");

        // and once Paystack answers, A's order is paid, once
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(slow.secret(), slow.reference())
                .willReturn(Payments.paystackVerified(slow.reference(), 17, "success", 2_500_000, "NGN")));
        assertThat(KafkaEvents.awaitCount(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(slow.id()), 1))
                .hasSize(1);
        assertThat(order(slow).get("status").asString()).isEqualTo("PAID");
        assertThat(discrepancies(slow.customer().business())).isEmpty();
    }

    @Test
    void paystackStillDownPastTheRetryHorizonPaysNothingAndIsShownToTheTeam() {
        // Given Paystack answering 503 to every verification of this order's payment
        PlacedOrder order = Payments.orderWithLink(port, Customer.of(UUID.randomUUID()), "PAYSTACK");
        UUID business = order.customer().business();
        ProviderStubs.PAYSTACK.stubFor(Payments.paystackVerify(order.secret(), order.reference())
                .willReturn(Payments.unavailable()));
        Payments.publish(Payments.paystackChargeSuccess(business, order.reference(), 19, 2_500_000, "NGN"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ProviderStubs.PAYSTACK
                .findAll(getRequestedFor(urlEqualTo("/transaction/verify/" + order.reference()))).size() >= 1);

        // When the notification has been waiting longer than the retry horizon (24 h) at its next try
        TenantContext.runAs(business, () -> jdbc.update("UPDATE payment_notifications SET received_at = now() - "
                + "interval '25 hours', next_at = now() WHERE business_id = ?", business));

        // Then it is given up as VERIFICATION_FAILED: nothing paid, the team sees why
        PaymentDiscrepancyRecorded event = discrepancy(business).value();
        assertThat(event.getKind()).isEqualTo("VERIFICATION_FAILED");
        assertNothingPaid(order);
        assertThat(discrepancies(business).get(0).get("detail").asString()).contains("no answer within PT24H");
    }
}
