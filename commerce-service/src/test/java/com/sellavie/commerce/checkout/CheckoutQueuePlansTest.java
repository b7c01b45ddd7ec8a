package com.sellavie.commerce.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.QueryPlans;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checkout link queue's poll and claim while a backlog waits (a provider down, every link retried) and the
 * planner's statistics were taken before it came, as they nearly always are: ANALYZE finds no link due, since
 * a link is made within a second of its order.
 */
@CommerceServiceTest
class CheckoutQueuePlansTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CheckoutScheduler scheduler;
    @Autowired
    Tenancy tenancy;

    private final UUID shop = UUID.randomUUID();
    private List<UUID> backlog;

    /**
     * A shop with 2,000 orders whose links were made (300 of them still unpaid) and 500 other businesses with 20
     * each, 4 unpaid (a business is a small part of the table), the statistics taken, then 3,000 of the shop's
     * orders whose links are due while this instance's scheduler is stopped.
     */
    @BeforeEach
    void backlogAfterTheStatistics() {
        scheduler.stop();
        orders(shop, 1_700, "PAID", false);
        orders(shop, 300, "PENDING_PAYMENT", false);
        for (int i = 0; i < 500; i++) {
            UUID business = UUID.randomUUID();
            orders(business, 16, "PAID", false);
            orders(business, 4, "PENDING_PAYMENT", false);
        }
        analyzeOrders();
        backlog = orders(shop, 3_000, "PENDING_PAYMENT", true);
    }

    @AfterEach
    void cancelTheBacklog() {
        TenantContext.runAs(shop, () -> jdbc.update("UPDATE orders SET status = 'CANCELLED', closed_at = now(), "
                + "checkout_next_at = NULL WHERE business_id = ? AND status = 'PENDING_PAYMENT'", shop));
        scheduler.start();
    }

    @Test
    void aPollReadsOneBatchNotTheBacklog() {
        // When an instance looks for due links, under either plan the server may cache for it, before and after
        // the statistics have caught up
        List<String> plans = QueryPlans.underEachPlanBeforeAndAfterAnalyze(jdbc.getDataSource(), "orders",
                plan -> tenancy.globalLookup(CheckoutQueue.DUE_LOOKUP,
                        () -> QueryPlans.explain(jdbc.getDataSource(), plan, CheckoutQueue.DUE, 8)));

        // Then it reads the queue's first entries in due order, a few pages: not the 3,000 orders nor the open ones
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan).as(plan).contains("orders_checkout_due_idx").doesNotContain("Sort");
            assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100);
        });
    }

    @Test
    void aClaimReadsItsOrderNotTheBacklog() {
        // When orders the poll handed out are claimed, under either cached plan, before and after the statistics
        // have caught up
        Iterator<UUID> orders = backlog.subList(10, 14).iterator();
        List<String> plans = QueryPlans.underEachPlanBeforeAndAfterAnalyze(jdbc.getDataSource(), "orders",
                plan -> TenantContext.callAs(shop, () -> QueryPlans.explain(jdbc.getDataSource(), plan,
                        CheckoutQueue.CLAIM, UUID.randomUUID(), 60.0, orders.next())));

        // Then each reads its order by its key: not the shop's whole queue through the due index
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan).as(plan).contains("Index Cond: (id = ").doesNotContain("orders_checkout_due_idx");
            assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100);
        });
    }

    /**
     * {@code count} orders of {@code business} in {@code status}, their links due (oldest first) or made; returns
     * their ids.
     */
    private List<UUID> orders(UUID business, int count, String status, boolean linkDue) {
        return TenantContext.callAs(business, () -> jdbc.queryForList("""
                INSERT INTO orders (id, business_id, status, origin, customer_key, reply_event_id, correlation_id,
                                    total_minor, currency, provider, reference, checkout_status, checkout_url,
                                    checkout_next_at, items_key, created_at, expires_at, paid_at, closed_at, updated_at)
                SELECT gen_random_uuid(), ?, ?, 'ASSISTANT', gen_random_uuid(), 'plan-' || gen_random_uuid(),
                       'plan-test', 2500000, 'NGN', 'PAYSTACK', 'SLV-PLAN-' || gen_random_uuid(),
                       CASE WHEN ? THEN 'PENDING' ELSE 'CREATED' END,
                       CASE WHEN ? THEN NULL ELSE 'https://checkout.paystack.com/plan' END,
                       CASE WHEN ? THEN now() - interval '1 hour' + i * interval '1 millisecond' END, 'shirt:1',
                       now(), now() + interval '1 day', CASE WHEN ? = 'PAID' THEN now() END,
                       CASE WHEN ? = 'PAID' THEN now() END, now()
                  FROM generate_series(1, ?) i
                ORDER BY i
                RETURNING id
                """, UUID.class, business, status, linkDue, linkDue, linkDue, status, status, count));
    }

    private void analyzeOrders() {
        QueryPlans.analyze(jdbc.getDataSource(), "orders");
    }
}
