package com.sellavie.commerce.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.Checkouts;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.commerce.support.Payments;
import com.sellavie.commerce.support.Payments.PlacedOrder;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.PaymentDiscrepancyRecorded;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The ledger and discrepancies API: any member, newest first, pages, bad parameters, another business. */
@CommerceServiceTest
class LedgerApiTest {

    @LocalServerPort
    int port;

    @Test
    void membersPageThroughTheLedgerNewestFirst() {
        // Given two paid orders and one unknown reference
        Customer customer = Customer.of(UUID.randomUUID());
        PlacedOrder first = Payments.orderWithLink(port, customer, "STRIPE");
        PlacedOrder second = Payments.orderWithLink(port, customer, "STRIPE", first.secret());
        Payments.publish(Payments.stripeSessionCompleted(customer.business(), first.reference(), first.id(), 2_500_000,
                "USD"));
        KafkaEvents.awaitCount(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(first.id()), 1);
        Payments.publish(Payments.stripeSessionCompleted(customer.business(), second.reference(), second.id(),
                2_500_000, "USD"));
        KafkaEvents.awaitCount(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(second.id()), 1);
        Payments.publish(Payments.stripeSessionCompleted(customer.business(), "cs_test_unknown", UUID.randomUUID(),
                100, "USD"));
        KafkaEvents.awaitCount(Checkouts.ORDERS, PaymentDiscrepancyRecorded.class,
                e -> e.getBusinessId().equals(customer.business()), 1);
        Api agent = Api.asMemberOf(port, customer.business(), "AGENT");

        // When an agent reads the ledger a page of two at a time
        Api.Response page1 = agent.get("/api/payments/transactions?limit=2");
        String last = page1.json().get(1).get("id").asString();
        Api.Response page2 = agent.get("/api/payments/transactions?limit=2&before=" + last);
        Api.Response forFirst = agent.get("/api/payments/transactions?orderId=" + first.id());

        // Then newest first, with X-Has-More
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.hasMore()).isTrue();
        assertThat(page1.json()).extracting(r -> r.get("status").asString()).containsExactly("DISCREPANCY", "PAID");
        assertThat(page1.json().get(1).get("orderId").asString()).isEqualTo(second.id().toString());
        assertThat(page2.hasMore()).isFalse();
        assertThat(page2.json()).singleElement()
                .satisfies(r -> assertThat(r.get("orderId").asString()).isEqualTo(first.id().toString()));
        JsonNode row = forFirst.json().get(0);
        assertThat(forFirst.json()).hasSize(1);
        assertThat(row.get("kind").asString()).isEqualTo("PAYMENT");
        assertThat(row.get("recordedAt").asString()).isNotBlank();
        assertThat(agent.get("/api/payments/discrepancies").json()).singleElement()
                .satisfies(d -> assertThat(d.get("kind").asString()).isEqualTo("UNKNOWN_REFERENCE"));
    }

    @Test
    void badParametersAreRefusedWithTheirFields() {
        Api owner = Api.asOwnerOf(port, UUID.randomUUID());

        Api.Response transactions = owner.get("/api/payments/transactions?orderId=nope&before=x&limit=0");
        Api.Response discrepancies = owner.get("/api/payments/discrepancies?limit=101");

        assertThat(transactions.status()).isEqualTo(400);
        assertThat(transactions.contentType()).startsWith("application/problem+json");
        JsonNode errors = transactions.json().get("errors");
        assertThat(errors.has("orderId") && errors.has("before") && errors.has("limit")).as(errors.toString()).isTrue();
        assertThat(discrepancies.status()).isEqualTo(400);
        assertThat(discrepancies.json().get("errors").has("limit")).isTrue();
        assertThat(Api.anonymous(port).get("/api/payments/transactions").status()).isEqualTo(401);
    }

    @Test
    void anotherBusinessSeesNoneOfIt() {
        Customer customer = Customer.of(UUID.randomUUID());
        PlacedOrder order = Payments.orderWithLink(port, customer, "STRIPE");
        Payments.publish(Payments.stripeSessionCompleted(customer.business(), order.reference(), order.id(), 1,
                "USD"));
        KafkaEvents.awaitCount(Checkouts.ORDERS, PaymentDiscrepancyRecorded.class,
                e -> e.getBusinessId().equals(customer.business()), 1);
        Api stranger = Api.asOwnerOf(port, UUID.randomUUID());

        Api.Response byOrder = stranger.get("/api/payments/transactions?orderId=" + order.id());

        assertThat(byOrder.status()).isEqualTo(404);
        assertThat(byOrder.contentType()).startsWith("application/problem+json");
        assertThat(byOrder.body()).doesNotContain(order.reference());
        assertThat(stranger.get("/api/payments/transactions").json()).isEmpty();
        assertThat(stranger.get("/api/payments/discrepancies").json()).isEmpty();
        assertThat(Api.asOwnerOf(port, customer.business()).get("/api/payments/discrepancies").json()).hasSize(1);
    }
}
