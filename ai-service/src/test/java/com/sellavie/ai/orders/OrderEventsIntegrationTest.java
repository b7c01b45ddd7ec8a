package com.sellavie.ai.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.ai.EventRecords;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.knowledge.BusinessKnowledge.Order;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * commerce.orders in (real OrderPlaced / OrderPaid / OrderCancelled through the broker and registry),
 * the customer's orders out, as a reply's context reads them.
 */
// On a port like the API tests, so it shares their application context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class OrderEventsIntegrationTest {

    private static final Product SHIRT = new Product("LINEN-SHIRT-M", "Linen Shirt", null, 2500, "USD", null);
    private static final Product TOTE = new Product("TOTE-01", "Canvas Tote", null, 1250, "USD", 5);

    @Autowired
    ContactOrders orders;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aPlacedThenPaidOrderIsKeptOnceWithCommercesAmountsAndItsLatestStatus() {
        // Given commerce placed an order for 2 shirts (delivered twice), then reported it paid
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        Instant placedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        OrderPlaced placed = Fixtures.orderPlaced(business, UUID.randomUUID(), contact, conversation, SHIRT, 2,
                placedAt);
        EventRecords.publish(placed, placed.getOrderId().toString(), 2);
        OrderPaid paid = Fixtures.orderPaid(placed, placedAt.plusSeconds(30));
        publish(paid);
        awaitApplied(paid.getEventId());

        // Then the contact has that one order, paid, at commerce's total
        assertThat(ordersOf(business, contact, conversation)).containsExactly(new Order(
                placed.getOrderId().toString(), "paid", "2 x Linen Shirt (LINEN-SHIRT-M)", 5000, "USD", placedAt));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class,
                placed.getEventId())).isEqualTo(1);
    }

    @Test
    void onlyTheContactsOwnOrdersAreReadAndNeverAnotherBusinesss() {
        // Given two customers of one business, and a customer of another business, each with an order
        UUID business = UUID.randomUUID();
        UUID mine = UUID.randomUUID();
        UUID myConversation = UUID.randomUUID();
        OrderPlaced myOrder = Fixtures.orderPlaced(business, UUID.randomUUID(), mine, myConversation, TOTE, 1,
                Instant.now());
        OrderPlaced theirs = Fixtures.orderPlaced(business, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                SHIRT, 3, Instant.now());
        UUID otherBusiness = UUID.randomUUID();
        OrderPlaced elsewhere = Fixtures.orderPlaced(otherBusiness, UUID.randomUUID(), mine, myConversation, SHIRT, 1,
                Instant.now());
        publish(myOrder);
        publish(theirs);
        publish(elsewhere);
        awaitApplied(myOrder.getEventId());
        awaitApplied(theirs.getEventId());
        awaitApplied(elsewhere.getEventId());

        // Then my context lists only my order, and the other business's rows are out of my tenant's reach
        assertThat(ordersOf(business, mine, myConversation)).extracting(Order::orderId)
                .containsExactly(myOrder.getOrderId().toString());
        assertThat(TenantContext.callAs(business, () -> orders.of(otherBusiness, mine, myConversation))).isEmpty();
        // a request without a contact id reads its conversation's orders
        assertThat(ordersOf(business, null, myConversation)).extracting(Order::orderId)
                .containsExactly(myOrder.getOrderId().toString());
    }

    @Test
    void aCancelledOrderIsShownWhileRecentAndAnOlderStatusArrivingLateChangesNothing() {
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        UUID conversation = UUID.randomUUID();
        Instant now = Instant.now();
        OrderPlaced recent = Fixtures.orderPlaced(business, UUID.randomUUID(), contact, conversation, TOTE, 1,
                now.minusSeconds(120));
        OrderCancelled cancelled = Fixtures.orderCancelled(business, recent.getOrderId(), now.minusSeconds(60));
        // a payment report older than the cancellation, arriving after it
        OrderPaid late = Fixtures.orderPaid(recent, now.minusSeconds(90));
        OrderPlaced old = Fixtures.orderPlaced(business, UUID.randomUUID(), contact, conversation, SHIRT, 1,
                now.minus(Duration.ofDays(60)));
        OrderCancelled oldCancelled = Fixtures.orderCancelled(business, old.getOrderId(), now.minus(Duration.ofDays(59)));
        List.of(recent, cancelled, late, old, oldCancelled).forEach(OrderEventsIntegrationTest::publish);
        awaitApplied(late.getEventId());
        awaitApplied(oldCancelled.getEventId());

        // Then the recent one is listed as cancelled; the one closed two months ago is not listed
        assertThat(ordersOf(business, contact, conversation)).extracting(Order::orderId, Order::status)
                .containsExactly(org.assertj.core.api.Assertions.tuple(recent.getOrderId().toString(), "cancelled"));
    }

    @Test
    void aStatusForAnOrderNeverPlacedChangesNothingAndIsCounted() {
        UUID business = UUID.randomUUID();
        double before = unknown();
        OrderCancelled orphan = Fixtures.orderCancelled(business, UUID.randomUUID(), Instant.now());

        publish(orphan);
        awaitApplied(orphan.getEventId());

        assertThat(unknown()).isEqualTo(before + 1);
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM contact_orders WHERE business_id = ?", Integer.class, business))).isZero();
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheOrdersAfterItAreStillApplied() {
        // Given bytes that are no Avro event, then a good order on the same partition (same key)
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        byte[] garbage = ("not avro " + orderId).getBytes(StandardCharsets.UTF_8);
        EventRecords.publishRaw(Topics.COMMERCE_ORDERS.name(), orderId.toString(), garbage, business.toString());
        OrderPlaced placed = Fixtures.orderPlaced(business, orderId, contact, UUID.randomUUID(), TOTE, 2,
                Instant.now());
        publish(placed);

        // Then the garbage lands in the dead-letter topic unchanged, and the order is recorded
        assertThat(EventRecords.awaitRawRecord(Topics.COMMERCE_ORDERS.deadLetterTopic(), orderId.toString()))
                .isEqualTo(garbage);
        awaitApplied(placed.getEventId());
        assertThat(ordersOf(business, contact, null)).extracting(Order::total).containsExactly("25.00 USD");
    }

    @Test
    void anEventWhoseHeaderNamesAnotherTenantIsDeadLetteredAndNotApplied() {
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        OrderPlaced placed = Fixtures.orderPlaced(business, UUID.randomUUID(), contact, UUID.randomUUID(), TOTE, 1,
                Instant.now());

        EventRecords.publish(placed, placed.getOrderId().toString(), 1, UUID.randomUUID().toString());

        EventRecords.awaitRecords(Topics.COMMERCE_ORDERS.deadLetterTopic(), OrderPlaced.class,
                e -> e.getEventId().equals(placed.getEventId()), found -> !found.isEmpty());
        assertThat(ordersOf(business, contact, null)).isEmpty();
    }

    private List<Order> ordersOf(UUID business, UUID contact, UUID conversation) {
        return TenantContext.callAs(business, () -> orders.of(business, contact, conversation));
    }

    private double unknown() {
        return meters.find("sellavie.ai.orders.unknown").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static void publish(SpecificRecord event) {
        String orderId = String.valueOf(event.get(event.getSchema().getField("orderId").pos()));
        EventRecords.publish(event, orderId, 1);
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class, eventId) == 1);
    }
}
