package com.sellavie.conversation.outbound;

import static com.sellavie.conversation.outbound.SendFixtures.conversationOn;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.outbound.OutboundQueue.QueuedMessage;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.platform.test.QueryPlans;
import com.sellavie.platform.test.QueryPlans.PlanCache;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The send queue's poll and claims while a backlog waits: the poll runs after every send while a backlog waits
 * for workers, and a claim for every message handed out, so each reads the few messages it needs, not a
 * business's whole backlog, whether or not the planner's statistics have seen the backlog yet.
 */
@ConversationServiceTest
class DueSendsTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tenancy tenancy;
    @Autowired
    OutboundQueue queue;
    @Autowired
    SendScheduler scheduler;

    private Fixture shop;
    private List<UUID> backlog;

    /**
     * A shop with a history, whose 3,000 customers then each wait for a reply, all due, while this instance's
     * poller is stopped (as if every worker were busy), and another shop whose 10,000 replies went out before (the
     * table is not one shop's queue). The statistics are taken before the backlog came, as when a burst arrives
     * between two of autovacuum's ANALYZE runs (the queue then looks empty to the planner: it usually is when they
     * are taken). On WhatsApp: its contacts have no profile for the contact profile queue to fetch.
     */
    @BeforeEach
    void backlogAfterTheStatistics() {
        shop = conversationOn(port, context, "WHATSAPP", "2348012345678", Instant.now());
        Fixture other = conversationOn(port, context, "WHATSAPP", "2348087654321", Instant.now());
        scheduler.stop();
        sentHistory(shop, 2_000);
        sentHistory(other, 10_000);
        analyzeMessages();
        backlog = queueReplies(shop, 3_000);
    }

    @AfterEach
    void failTheBacklog() {
        TenantContext.runAs(shop.business(), () -> jdbc.update("UPDATE messages SET delivery_status = 'FAILED', "
                + "next_attempt_at = NULL WHERE business_id = ? AND correlation_id = 'backlog'", shop.business()));
        scheduler.start();
    }

    @Test
    void aPollReadsTheRepliesItCanHandOutNotABusinesssWholeBacklog() {
        // When an instance looks for due replies, two per business, before and after the statistics have caught up
        List<QueuedMessage> due = queue.due(6, 2);
        List<String> plans = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (PlanCache plan : PlanCache.values()) {
                plans.add(duePlan(plan));
            }
            analyzeMessages();
        }

        // Then it gets the shop's two longest-waiting replies, having read a few pages, not 3,000 replies (a CI
        // run's planner once scanned every open reply of the shop for each head, with the statistics behind),
        // under either plan the server may cache for the statement
        assertThat(due.stream().filter(d -> d.businessId().equals(shop.business())).map(QueuedMessage::messageId))
                .containsExactly(backlog.get(0), backlog.get(1));
        assertThat(plans).allSatisfy(plan -> assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100));
    }

    @Test
    void aClaimReadsItsOwnReplyNotTheBacklog() {
        // When replies of the backlog are claimed, by the poller and as they are recorded, under either cached
        // plan, before and after the statistics have caught up (under EXPLAIN ANALYZE, rolled back)
        List<String> plans = new ArrayList<>();
        int next = 10;
        for (int round = 0; round < 2; round++) {
            for (PlanCache plan : PlanCache.values()) {
                plans.add(claimPlan(plan, backlog.get(next++), OutboundQueue.CLAIM));
                plans.add(claimPlan(plan, backlog.get(next++), OutboundQueue.CLAIM_RECORDED));
            }
            analyzeMessages();
        }

        // Then each reads its reply by its key and its conversation's head, and writes the reply's new version into
        // each index of messages: not the shop's whole queue through one of the queue's indexes
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan).as(plan).contains("Index Cond: (id = ");
            assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100);
        });
    }

    /** {@code replies} replies the shop's customer got, delivered. */
    private void sentHistory(Fixture shop, int replies) {
        TenantContext.runAs(shop.business(), () -> jdbc.update("""
                INSERT INTO messages (id, business_id, conversation_id, direction, author_type, text, source_event_id,
                                      correlation_id, sent_at, delivery_status, attempts, external_message_id, updated_at)
                SELECT gen_random_uuid(), ?, ?, 'OUTBOUND', 'ASSISTANT', 'Thanks, noted', gen_random_uuid(), 'history',
                       now() - interval '2 days' + i * interval '1 second', 'SENT', 1, 'wamid.history-' || i, now()
                  FROM generate_series(1, ?) i
                """, shop.business(), shop.conversationId(), replies));
    }

    /** The poll's statement under EXPLAIN ANALYZE, as {@link OutboundQueue#due} runs it. */
    private String duePlan(PlanCache plan) {
        return tenancy.globalLookup(OutboundQueue.LOOKUP, () -> QueryPlans.explain(jdbc.getDataSource(), plan,
                List.of(OutboundQueue.READ_IN_INDEX_ORDER), OutboundQueue.DUE, 2, 6));
    }

    /** {@code claim} of {@code message} for a worker of this instance, under EXPLAIN ANALYZE, rolled back. */
    private String claimPlan(PlanCache plan, UUID message, String claim) {
        return TenantContext.callAs(shop.business(), () -> QueryPlans.explain(jdbc.getDataSource(), plan, claim,
                "plan-test", 60_000, shop.business(), message));
    }

    private void analyzeMessages() {
        QueryPlans.analyze(jdbc.getDataSource(), "messages");
    }

    /** One due assistant reply to each of {@code customers} new customers of the shop, oldest first. */
    private List<UUID> queueReplies(Fixture shop, int customers) {
        return TenantContext.callAs(shop.business(), () -> jdbc.queryForList("""
                WITH customer AS (
                    INSERT INTO contacts (id, business_id, channel_id, external_id, name, created_at)
                    SELECT gen_random_uuid(), c.business_id, c.channel_id, 'backlog-' || i, 'Customer ' || i, now()
                      FROM conversations c, generate_series(1, ?) i
                     WHERE c.business_id = ? AND c.id = ?
                    RETURNING id, business_id, channel_id, external_id),
                conversation AS (
                    INSERT INTO conversations (id, business_id, channel_id, contact_id, mode, last_message_at, created_at)
                    SELECT gen_random_uuid(), business_id, channel_id, id, 'BOT', now(), now() FROM customer
                    RETURNING id, business_id, contact_id),
                reply AS (
                    INSERT INTO messages (id, business_id, conversation_id, direction, author_type, text,
                                          source_event_id, correlation_id, sent_at, delivery_status, attempts,
                                          next_attempt_at, updated_at)
                    SELECT gen_random_uuid(), c.business_id, c.id, 'OUTBOUND', 'ASSISTANT', 'Your order is on its way',
                           gen_random_uuid(), 'backlog', due.at, 'PENDING', 0, due.at, now()
                      FROM conversation c JOIN customer k ON k.id = c.contact_id,
                           LATERAL (SELECT now() - interval '1 hour'
                                           + split_part(k.external_id, '-', 2)::int * interval '1 millisecond' AS at) due
                    RETURNING id, next_attempt_at)
                SELECT id FROM reply ORDER BY next_attempt_at
                """, UUID.class, customers, shop.business(), shop.conversationId()));
    }
}
