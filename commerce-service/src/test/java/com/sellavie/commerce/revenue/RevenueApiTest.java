package com.sellavie.commerce.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.order.Orders;
import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.PaidOrders;
import com.sellavie.commerce.support.PaidOrders.Line;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/revenue}: paid revenue, orders, links, conversion and the assistant's share per day. */
@CommerceServiceTest
class RevenueApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    OrderStore store;
    @Autowired
    Orders orders;

    PaidOrders paidOrders;

    @BeforeEach
    void fixtures() {
        paidOrders = new PaidOrders(store, orders, transaction);
    }

    /**
     * A: placed and paid 1 Nov (NGN 50,000, assistant); B: placed 2 Nov, unpaid; C: placed and paid
     * 2 Nov 23:30/23:45 UTC (NGN 10,000, placed by the team; already 3 Nov in Paris); nothing on 3 Nov
     * (UTC); D: 4 Nov, USD 20.00 paid; E: placed 31 Oct 23:30 UTC (1 Nov in Paris), unpaid.
     */
    private UUID business() {
        UUID business = UUID.randomUUID();
        paidOrders.order(business, at("2026-11-01T09:00:00Z"), at("2026-11-01T10:00:00Z"), "NGN",
                new Line("SHIRT", "Linen shirt", 2, 2_500_000));
        paidOrders.order(business, at("2026-11-02T09:00:00Z"), null, "NGN", new Line("SHIRT", "Linen shirt", 1,
                2_500_000));
        UUID byTheTeam = paidOrders.order(business, at("2026-11-02T23:30:00Z"), at("2026-11-02T23:45:00Z"), "NGN",
                new Line("CAP", "Cap", 2, 500_000));
        TenantContext.runAs(business, () -> jdbc.update("UPDATE orders SET origin = 'TEAM' WHERE id = ?", byTheTeam));
        paidOrders.order(business, at("2026-11-04T08:00:00Z"), at("2026-11-04T09:00:00Z"), "USD",
                new Line("MUG", "Mug", 1, 2_000));
        paidOrders.order(business, at("2026-10-31T23:30:00Z"), null, "NGN", new Line("CAP", "Cap", 1, 500_000));
        return business;
    }

    @Test
    void everyDayOfTheRangeWithZerosAndOneSeriesPerCurrency() {
        UUID business = business();

        Api.Response response = Api.asMemberOf(port, business, "AGENT")
                .get("/api/revenue?from=2026-11-01&to=2026-11-04");

        assertThat(response.status()).isEqualTo(200);
        JsonNode revenue = response.json();
        assertThat(revenue.get("currency").asString()).isEqualTo("NGN");
        assertTotals(revenue.get("totals"), 6_000_000, 2, 3, 3, 2.0 / 3, 5_000_000);
        assertThat(days(revenue)).containsExactly(
                "2026-11-01 5000000 1 1 1 5000000",
                "2026-11-02 1000000 1 2 2 0",
                "2026-11-03 0 0 0 0 0",
                "2026-11-04 0 0 0 0 0");
        JsonNode byCurrency = revenue.get("byCurrency");
        assertThat(byCurrency).extracting(s -> s.get("currency").asString()).containsExactly("NGN", "USD");
        JsonNode usd = byCurrency.get(1);
        assertTotals(usd.get("totals"), 2_000, 1, 1, 1, 1.0, 2_000);
        assertThat(days(usd)).containsExactly(
                "2026-11-01 0 0 0 0 0",
                "2026-11-02 0 0 0 0 0",
                "2026-11-03 0 0 0 0 0",
                "2026-11-04 2000 1 1 1 2000");
    }

    @Test
    void daysAreTheChosenZonesDays() {
        UUID business = business();

        JsonNode revenue = Api.asOwnerOf(port, business)
                .get("/api/revenue?from=2026-11-01&to=2026-11-04&zone=Europe/Paris").json();

        assertThat(revenue.get("currency").asString()).isEqualTo("NGN");
        assertTotals(revenue.get("totals"), 6_000_000, 2, 4, 4, 2.0 / 4, 5_000_000);
        assertThat(days(revenue)).containsExactly(
                "2026-11-01 5000000 1 2 2 5000000",
                "2026-11-02 0 0 1 1 0",
                "2026-11-03 1000000 1 1 1 0",
                "2026-11-04 0 0 0 0 0");
    }

    @Test
    void aSingleCurrencyHasNoByCurrencyAndNoLinksMeansNoConversion() {
        UUID business = UUID.randomUUID();
        paidOrders.order(business, at("2026-06-10T12:00:00Z"), at("2026-06-10T12:05:00Z"), "NGN",
                new Line("SHIRT", "Linen shirt", 1, 2_500_000));

        JsonNode withOrders = Api.asOwnerOf(port, business).get("/api/revenue?from=2026-06-10&to=2026-06-10").json();
        JsonNode quiet = Api.asOwnerOf(port, business).get("/api/revenue?from=2026-06-11&to=2026-06-12").json();

        assertThat(withOrders.has("byCurrency")).isFalse();
        assertTotals(withOrders.get("totals"), 2_500_000, 1, 1, 1, 1.0, 2_500_000);
        assertThat(quiet.get("totals").get("conversion").isNull()).isTrue();
        assertThat(days(quiet)).containsExactly("2026-06-11 0 0 0 0 0", "2026-06-12 0 0 0 0 0");
    }

    @Test
    void ordersFromTheSandboxCountNowhere() {
        // Given a paid order from a customer, and a paid order born in a member's "Try your assistant" chat
        UUID business = UUID.randomUUID();
        paidOrders.order(business, at("2026-06-10T12:00:00Z"), at("2026-06-10T12:05:00Z"), "NGN",
                new Line("SHIRT", "Linen shirt", 1, 2_500_000));
        UUID sandbox = paidOrders.order(business, at("2026-06-10T13:00:00Z"), at("2026-06-10T13:05:00Z"), "NGN",
                new Line("SHIRT", "Linen shirt", 3, 2_500_000));
        TenantContext.runAs(business, () -> jdbc.update("UPDATE orders SET channel_type = 'SANDBOX' WHERE id = ?",
                sandbox));

        JsonNode revenue = Api.asOwnerOf(port, business).get("/api/revenue?from=2026-06-10&to=2026-06-10").json();

        // Then revenue, orders, links and conversion are the customer's alone
        assertTotals(revenue.get("totals"), 2_500_000, 1, 1, 1, 1.0, 2_500_000);
        assertThat(days(revenue)).containsExactly("2026-06-10 2500000 1 1 1 2500000");
    }

    @Test
    void anotherBusinessSeesNoneOfIt() {
        business();

        JsonNode revenue = Api.asOwnerOf(port, UUID.randomUUID()).get("/api/revenue?from=2026-11-01&to=2026-11-04")
                .json();

        assertThat(revenue.get("currency").isNull()).isTrue();
        assertTotals(revenue.get("totals"), 0, 0, 0, 0, null, 0);
        assertThat(revenue.get("days")).hasSize(4);
        assertThat(revenue.has("byCurrency")).isFalse();
    }

    @Test
    void badDatesZonesAndRangesAreRefused() {
        Api owner = Api.asOwnerOf(port, UUID.randomUUID());

        Api.Response badValues = owner.get("/api/revenue?from=2026-13-01&to=30/11/2026&zone=Mars/Olympus");
        Api.Response tooLong = owner.get("/api/revenue?from=2025-01-01&to=2026-01-02");
        Api.Response backwards = owner.get("/api/revenue?from=2026-11-30&to=2026-11-01");
        Api.Response longest = owner.get("/api/revenue?from=2025-01-01&to=2026-01-01");

        assertThat(badValues.status()).isEqualTo(400);
        assertThat(badValues.contentType()).startsWith("application/problem+json");
        assertThat(badValues.json().get("errors").propertyNames()).containsExactlyInAnyOrder("from", "to", "zone");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").has("to")).isTrue();
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").has("from")).isTrue();
        assertThat(longest.status()).isEqualTo(200);
        assertThat(longest.json().get("days")).hasSize(366);
    }

    private static void assertTotals(JsonNode totals, long revenue, long paidOrders, long orders, long links,
            Double conversion, long assistant) {
        assertThat(totals.get("paidRevenueMinor").asLong()).isEqualTo(revenue);
        assertThat(totals.get("paidOrders").asLong()).isEqualTo(paidOrders);
        assertThat(totals.get("orders").asLong()).isEqualTo(orders);
        assertThat(totals.get("checkoutLinks").asLong()).isEqualTo(links);
        if (conversion == null) {
            assertThat(totals.get("conversion").isNull()).isTrue();
        } else {
            assertThat(totals.get("conversion").asDouble()).isCloseTo(conversion, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(totals.get("assistantRevenueMinor").asLong()).isEqualTo(assistant);
    }

    /** "date paidRevenueMinor paidOrders orders checkoutLinks assistantRevenueMinor" per day. */
    private static List<String> days(JsonNode series) {
        return series.get("days").valueStream().map(d -> d.get("date").asString() + " "
                + d.get("paidRevenueMinor").asLong() + " " + d.get("paidOrders").asLong() + " "
                + d.get("orders").asLong() + " " + d.get("checkoutLinks").asLong() + " "
                + d.get("assistantRevenueMinor").asLong()).toList();
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
