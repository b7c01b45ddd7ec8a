package com.sellavie.ai.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.QueryPlans;
import com.sellavie.platform.test.QueryPlans.PlanCache;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reply queue's poll and claim while a backlog waits (a model provider down, say) and the planner's
 * statistics were taken before it came, as they nearly always are: ANALYZE finds the queue empty.
 */
@SpringBootTest
@IntegrationTest
class ReplyJobQueuePlansTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tenancy tenancy;
    @Autowired
    ReplyJobScheduler scheduler;

    private final UUID shop = UUID.randomUUID();
    private List<UUID> backlog;

    /**
     * A shop whose 2,000 earlier replies were written and 500 other businesses' 20 each (the table is not one
     * shop's queue, and a business is a small part of it), the statistics taken, then 3,000 of the shop's customers
     * each waiting for a reply, all due, while this instance's poller is stopped (as if every worker were busy).
     */
    @BeforeEach
    void backlogAfterTheStatistics() {
        scheduler.stop();
        repliesWritten(shop, 2_000);
        for (int business = 0; business < 500; business++) {
            repliesWritten(UUID.randomUUID(), 20);
        }
        analyzeReplyJobs();
        backlog = TenantContext.callAs(shop, () -> jdbc.queryForList("""
                INSERT INTO reply_jobs (id, business_id, conversation_id, request_id, requested_at, request_avro,
                                        request_schema, due_at)
                SELECT gen_random_uuid(), ?, gen_random_uuid(), gen_random_uuid(), now(), '\\x00'::bytea, 'plan-test',
                       now() - interval '1 hour' + i * interval '1 millisecond'
                  FROM generate_series(1, 3000) i
                RETURNING id
                """, UUID.class, shop));
    }

    @AfterEach
    void failTheBacklog() {
        TenantContext.runAs(shop, () -> jdbc.update("UPDATE reply_jobs SET status = 'FAILED', finished_at = now() "
                + "WHERE business_id = ? AND status = 'PENDING'", shop));
        scheduler.start();
    }

    @Test
    void aPollReadsTheHeadsItCanHandOutNotTheBacklog() {
        // When an instance looks for due jobs, under either plan the server may cache for it, before and after the
        // statistics have caught up
        List<String> plans = QueryPlans.underEachPlanBeforeAndAfterAnalyze(jdbc.getDataSource(), "reply_jobs",
                plan -> tenancy.globalLookup(ReplyJobs.DUE_LOOKUP, () -> QueryPlans.explain(jdbc.getDataSource(), plan,
                        List.of(ReplyJobs.READ_IN_INDEX_ORDER), ReplyJobs.DUE, 8)));

        // Then it reads the first heads of the queue in due order, a few pages: not the 3,000 jobs
        assertThat(plans).allSatisfy(plan -> assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100));
    }

    @Test
    void aClaimReadsItsJobsNotTheBacklog() {
        // When two jobs the poll handed out are claimed, under either cached plan, before and after the statistics
        // have caught up
        Iterator<UUID> jobs = backlog.subList(10, 18).iterator();
        List<String> plans = QueryPlans.underEachPlanBeforeAndAfterAnalyze(jdbc.getDataSource(), "reply_jobs",
                plan -> TenantContext.callAs(shop, () -> QueryPlans.explain(jdbc.getDataSource(), plan,
                        ReplyJobs.CLAIM, 60.0, new String[] {jobs.next().toString(), jobs.next().toString()})));

        // Then each claim reads its two jobs by their key: not the shop's whole queue through a queue index
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan).as(plan).contains("Index Cond: (id = ANY (").doesNotContain("Seq Scan");
            assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100);
        });
    }

    @Test
    void aStatementOnOneClaimedJobReadsItByKey() {
        // When each statement that ends or gives back one claimed job runs, under either cached plan, before and
        // after the statistics have caught up
        Map<String, String> plans = new LinkedHashMap<>();
        int next = 100;
        for (int round = 0; round < 2; round++) {
            for (PlanCache plan : PlanCache.values()) {
                for (Map.Entry<String, Function<UUID, Object[]>> statement : byIdStatements().entrySet()) {
                    UUID job = backlog.get(next++);
                    String sql = statement.getKey();
                    plans.put(plan + " round " + round + ": " + sql, TenantContext.callAs(shop,
                            () -> QueryPlans.explain(jdbc.getDataSource(), plan, sql, statement.getValue().apply(job))));
                }
            }
            analyzeReplyJobs();
        }

        // Then each reads its job by its key: not the shop's queue through an index of PENDING jobs
        assertThat(plans).allSatisfy((statement, plan) -> {
            assertThat(plan).as(statement + "\n" + plan).contains("Index Scan using reply_jobs_pkey")
                    .doesNotContain("reply_jobs_conversation_order", "reply_jobs_due_heads", "reply_jobs_waiting");
            assertThat(QueryPlans.pagesRead(plan)).as(statement + "\n" + plan).isLessThan(100);
        });
    }

    /** The statements on one claimed job, each with its arguments for a job (claimed by a worker "plan-test"). */
    private static Map<String, Function<UUID, Object[]>> byIdStatements() {
        UUID owner = UUID.randomUUID();
        return new LinkedHashMap<>(Map.of(
                ReplyJobs.MARK_DONE, job -> new Object[] {job, owner},
                ReplyJobs.MARK_GIVEN_UP, job -> new Object[] {"FAILED", "plan-test", job, owner},
                ReplyJobs.MARK_UNREADABLE, job -> new Object[] {"plan-test", job, owner},
                ReplyJobs.RESCHEDULE, job -> new Object[] {"plan-test", 1.0, job, owner},
                ReplyJobs.RELEASE, job -> new Object[] {job, owner}));
    }

    /** {@code replies} finished jobs of a business, one conversation each. */
    private void repliesWritten(UUID business, int replies) {
        TenantContext.runAs(business, () -> jdbc.update("""
                INSERT INTO reply_jobs (id, business_id, conversation_id, request_id, requested_at, status, attempts,
                                        finished_at)
                SELECT gen_random_uuid(), ?, gen_random_uuid(), gen_random_uuid(), now(), 'DONE', 1, now()
                  FROM generate_series(1, ?) i
                """, business, replies));
    }

    private void analyzeReplyJobs() {
        QueryPlans.analyze(jdbc.getDataSource(), "reply_jobs");
    }
}
