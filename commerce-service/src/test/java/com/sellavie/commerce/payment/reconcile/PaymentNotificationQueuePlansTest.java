package com.sellavie.commerce.payment.reconcile;

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
 * The payment notification queue's poll and claim while a backlog waits (a provider's verify API down, say) and the
 * planner's statistics were taken before it came, as they nearly always are: ANALYZE finds nothing due.
 */
@CommerceServiceTest
class PaymentNotificationQueuePlansTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReconcileScheduler scheduler;
    @Autowired
    Tenancy tenancy;

    private final UUID shop = UUID.randomUUID();
    private List<UUID> backlog;

    /**
     * A shop with 2,000 notifications worked and 500 other businesses with 20 each (a business is a small part of
     * the table), the statistics taken, then 3,000 of the shop's notifications due while this instance's scheduler
     * is stopped.
     */
    @BeforeEach
    void backlogAfterTheStatistics() {
        scheduler.stop();
        notifications(shop, 2_000, "DONE");
        for (int business = 0; business < 500; business++) {
            notifications(UUID.randomUUID(), 20, "DONE");
        }
        QueryPlans.analyze(jdbc.getDataSource(), "payment_notifications");
        backlog = notifications(shop, 3_000, "DUE");
    }

    @AfterEach
    void workTheBacklogOff() {
        TenantContext.runAs(shop, () -> jdbc.update("UPDATE payment_notifications SET state = 'DONE', "
                + "outcome = 'IGNORED', processed_at = now() WHERE business_id = ? AND state = 'DUE'", shop));
        scheduler.start();
    }

    @Test
    void aPollReadsOneBatchNotTheBacklog() {
        // When an instance looks for due notifications, under either plan the server may cache for it, before and
        // after the statistics have caught up
        List<String> plans = QueryPlans.underEachPlanBeforeAndAfterAnalyze(jdbc.getDataSource(),
                "payment_notifications", plan -> tenancy.globalLookup(PaymentNotifications.DUE_LOOKUP,
                        () -> QueryPlans.explain(jdbc.getDataSource(), plan,
                                List.of(PaymentNotifications.READ_IN_INDEX_ORDER), PaymentNotifications.DUE, 8)));

        // Then it reads the queue's first entries in due order, a few pages: not the 3,000 notifications
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan).as(plan).contains("payment_notifications_due_idx").doesNotContain("Sort");
            assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100);
        });
    }

    @Test
    void aClaimReadsItsNotificationNotTheBacklog() {
        // When notifications of the backlog are claimed, under either cached plan, before and after the statistics
        // have caught up
        Iterator<UUID> notifications = backlog.subList(10, 14).iterator();
        List<String> plans = QueryPlans.underEachPlanBeforeAndAfterAnalyze(jdbc.getDataSource(),
                "payment_notifications", plan -> TenantContext.callAs(shop, () -> QueryPlans.explain(
                        jdbc.getDataSource(), plan, PaymentNotifications.CLAIM, UUID.randomUUID(), 60.0,
                        notifications.next())));

        // Then each reads its notification by its key: not the shop's whole queue through the due index
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan).as(plan).contains("Index Cond: (id = ");
            assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100);
        });
    }

    /** {@code count} Paystack charge notifications of {@code business} in {@code state}, oldest first. */
    private List<UUID> notifications(UUID business, int count, String state) {
        return TenantContext.callAs(business, () -> jdbc.queryForList("""
                INSERT INTO payment_notifications (id, business_id, provider, provider_event_id, event_id,
                                                   correlation_id, event_type, status, reference, received_at,
                                                   state, next_at, outcome, processed_at)
                SELECT gen_random_uuid(), ?, 'PAYSTACK', 'charge.success:plan-' || gen_random_uuid(),
                       gen_random_uuid(), 'plan-test', 'charge.success', 'SUCCEEDED', 'SLV-PLAN-' || i, now(), ?,
                       CASE WHEN ? = 'DUE' THEN now() - interval '1 hour' + i * interval '1 millisecond' END,
                       CASE WHEN ? = 'DONE' THEN 'PAID' END, CASE WHEN ? = 'DONE' THEN now() END
                  FROM generate_series(1, ?) i
                RETURNING id
                """, UUID.class, business, state, state, state, state, count));
    }
}
