package com.sellavie.commerce.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.commerce.support.Checkouts;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.commerce.support.Providers;
import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderExpired;
import com.sellavie.platform.test.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** {@code /api/orders}: the team reads its business's orders and cancels unpaid ones; other businesses see nothing. */
@CommerceServiceTest
class OrderApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listsOrdersNewestFirstAndShowsOneWithItsTimeline() {
        Customer customer = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID first = Checkouts.orderWithLink(port, customer, secret, "first-" + customer.business());
        UUID second = Checkouts.orderWithLink(port, customer, secret, "second-" + customer.business());
        Api agent = Api.asMemberOf(port, customer.business(), "AGENT");

        Api.Response list = agent.get("/api/orders");
        Api.Response pending = agent.get("/api/orders?status=pending_payment&limit=1");
        Api.Response paid = agent.get("/api/orders?status=PAID");
        Api.Response one = agent.get("/api/orders/" + first);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).extracting(o -> o.get("id").asString())
                .containsExactly(second.toString(), first.toString());
        assertThat(list.json().get(0).has("timeline")).isFalse();
        assertThat(list.json().get(0).get("items")).hasSize(1);
        assertThat(pending.json()).hasSize(1);
        assertThat(pending.hasMore()).isTrue();
        assertThat(list.hasMore()).isFalse();
        assertThat(paid.json()).isEmpty();
        JsonNode order = one.json();
        assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.get("items").get(0).get("name").asString()).isEqualTo("Linen shirt");
        assertThat(order.get("items").get(0).get("qty").asInt()).isEqualTo(1);
        assertThat(order.get("items").get(0).get("unitPriceMinor").asLong()).isEqualTo(2_500_000);
        assertThat(order.get("totalMinor").asLong()).isEqualTo(2_500_000);
        assertThat(order.get("currency").asString()).isEqualTo("NGN");
        assertThat(order.get("provider").asString()).isEqualTo("PAYSTACK");
        assertThat(order.get("reference").asString()).isEqualTo("SLV-" + first.toString().replace("-", "").toUpperCase());
        assertThat(order.get("checkoutUrl").asString()).endsWith("/first-" + customer.business());
        assertThat(order.get("checkoutStatus").asString()).isEqualTo("CREATED");
        assertThat(order.get("conversationId").asString()).isEqualTo(customer.conversation().toString());
        assertThat(order.get("contactId").asString()).isEqualTo(customer.contact().toString());
        assertThat(order.get("paidAt").isNull()).isTrue();
        assertThat(order.get("timeline")).extracting(e -> e.get("kind").asString())
                .containsExactly("PLACED", "LINK_CREATED", "LINK_SENT");
    }

    @Test
    void badListParametersAreRefusedWithTheirFields() {
        Api owner = Api.asOwnerOf(port, UUID.randomUUID());

        Api.Response refused = owner.get("/api/orders?status=SHIPPED&limit=0&page=-1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").propertyNames()).containsExactlyInAnyOrder("status", "limit", "page");
    }

    @Test
    void ownerCancelsAnUnpaidOrderOnceAndAnAgentCannot() {
        Customer customer = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, customer, secret, "cancel-" + customer.business());

        Api.Response byAgent = Api.asMemberOf(port, customer.business(), "AGENT").post("/api/orders/" + order + "/cancel", "");
        Api.Response cancelled = Api.asOwnerOf(port, customer.business()).post("/api/orders/" + order + "/cancel", "");
        Api.Response again = Api.asMemberOf(port, customer.business(), "ADMIN").post("/api/orders/" + order + "/cancel", "");

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("status").asString()).isEqualTo("CANCELLED");
        OrderCancelled event = KafkaEvents.awaitCount(Checkouts.ORDERS, OrderCancelled.class,
                e -> e.getOrderId().equals(order), 1).getFirst().value();
        assertThat(event.getBusinessId()).isEqualTo(customer.business());
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, OrderCancelled.class, e -> e.getOrderId().equals(order),
                Duration.ofMillis(300))).hasSize(1);
    }

    @Test
    void anotherBusinessSeesAndCancelsNothing() {
        Customer customer = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, customer, secret, "tenant-" + customer.business());
        Api stranger = Api.asOwnerOf(port, UUID.randomUUID());

        Api.Response read = stranger.get("/api/orders/" + order);
        Api.Response cancel = stranger.post("/api/orders/" + order + "/cancel", "");
        Api.Response list = stranger.get("/api/orders");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(read.body()).doesNotContain("Linen shirt");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(list.json()).isEmpty();
        assertThat(Api.asOwnerOf(port, customer.business()).get("/api/orders/" + order).json().get("status").asString())
                .isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void anOrderUnpaidPastItsTimeExpires() {
        Customer customer = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, customer, secret, "expire-" + customer.business());

        Checkouts.agePendingOrders(jdbc, customer.business(), Duration.ofMinutes(1));

        OrderExpired expired = KafkaEvents.awaitCount(Checkouts.ORDERS, OrderExpired.class,
                e -> e.getOrderId().equals(order), 1).getFirst().value();
        assertThat(expired.getBusinessId()).isEqualTo(customer.business());
        JsonNode shown = Api.asOwnerOf(port, customer.business()).get("/api/orders/" + order).json();
        assertThat(shown.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(shown.get("timeline")).extracting(e -> e.get("kind").asString()).contains("EXPIRED");
    }

    @Test
    void aCancelWaitsForAWriteInFlightOnTheOrderAndThenCancelsIt() throws Exception {
        Customer customer = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, customer, secret, "race-" + customer.business());
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        CompletableFuture<Api.Response> cancel;

        // Given a checkout worker's transaction holding the order's row (CheckoutQueue.lockIfStillOurs), on a
        // connection of its own: one of the service's pool would make the cancel wait for a connection, not the row
        try (Connection worker = TestPostgres.get().connect(database);
                Connection observer = TestPostgres.get().connect(database)) {
            worker.setAutoCommit(false);
            try (PreparedStatement lock = worker.prepareStatement("SELECT id FROM orders WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, order);
                lock.executeQuery().close();
            }

            // When the owner cancels the order meanwhile, and the worker then writes it (a new version) and commits
            cancel = CompletableFuture.supplyAsync(() ->
                    Api.asOwnerOf(port, customer.business()).post("/api/orders/" + order + "/cancel", ""));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitsOnALock(observer, database));
            try (PreparedStatement write = worker.prepareStatement(
                    "UPDATE orders SET version = version + 1 WHERE id = ?")) {
                write.setObject(1, order);
                assertThat(write.executeUpdate()).isEqualTo(1);
            }
            worker.commit();
        }

        // Then the cancel, having waited, reads what the worker committed and cancels the order (no 500)
        Api.Response cancelled = cancel.get(10, TimeUnit.SECONDS);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(Api.asOwnerOf(port, customer.business()).get("/api/orders/" + order).json().get("status").asString())
                .isEqualTo("CANCELLED");
    }

    /** Whether a session of {@code database} other than the observer's waits on a lock (the cancel, on the row). */
    private static boolean waitsOnALock(Connection observer, String database) throws SQLException {
        try (PreparedStatement waiting = observer.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = ? AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")) {
            waiting.setString(1, database);
            try (ResultSet rows = waiting.executeQuery()) {
                return rows.next() && rows.getInt(1) > 0;
            }
        }
    }
}
