package com.sellavie.conversation.outbound;

import static com.sellavie.conversation.outbound.SendFixtures.conversationOn;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.outbound.OutboundQueue.QueuedMessage;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.platform.test.QueryPlans;
import com.sellavie.platform.test.QueryPlans.PlanCache;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
     * poller is stopped (as if every worker were busy), and 10,000 replies 500 other businesses sent before (the
     * table is not one shop's queue, and a business is a small part of it). The statistics are taken before the
     * backlog came, as when a burst arrives between two of autovacuum's ANALYZE runs (the queue then looks empty to
     * the planner: it usually is when they are taken). On WhatsApp: its contacts have no profile for the contact profile queue to fetch.
     */
    @BeforeEach
    void backlogAfterTheStatistics() {
        shop = conversationOn(port, context, "WHATSAPP", "2348012345678", Instant.now());
        Fixture other = conversationOn(port, context, "WHATSAPP", "2348087654321", Instant.now());
        scheduler.stop();
        sentHistory(shop, 2_000);
        otherBusinessesHistory(other, 500, 20);
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
        List<String> plans = QueryPlans.underEachPlanBeforeAndAfterAnalyze(jdbc.getDataSource(), "messages",
                this::duePlan);

        // Then it gets the shop's two longest-waiting replies, having read a few pages, not 3,000 replies (a CI
        // run's planner once scanned every open reply of the shop for each head, with the statistics behind),
        // under either plan the server may cache for the statement
        assertThat(due.stream().filter(d -> d.businessId().equals(shop.business())).map(QueuedMessage::messageId))
                .containsExactly(backlog.get(0), backlog.get(1));
        assertThat(plans).allSatisfy(plan -> assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100));
    }

    @Test
    void aStatementOnOneReplyReadsItByKeyNotTheBacklog() {
        // When each statement the send path runs on one reply of the backlog (the claims, the attempt, a release,
        // a reschedule, an unknown outcome, an interrupted send) runs, under either cached plan, before and after
        // the statistics have caught up (under EXPLAIN ANALYZE, rolled back)
        Map<String, String> plans = new LinkedHashMap<>();
        int next = 10;
        for (int round = 0; round < 2; round++) {
            for (PlanCache plan : PlanCache.values()) {
                for (Map.Entry<String, Function<UUID, Object[]>> statement : byKeyStatements().entrySet()) {
                    UUID message = backlog.get(next++);
                    String sql = statement.getKey();
                    plans.put(plan + " round " + round + ": " + sql, TenantContext.callAs(shop.business(),
                            () -> QueryPlans.explain(jdbc.getDataSource(), plan, sql,
                                    statement.getValue().apply(message))));
                }
            }
            analyzeMessages();
        }

        // Then each reads its reply through the primary key (and its conversation's head by the conversation), and
        // writes the reply's new version into each index of messages: not the shop's whole queue through one of the
        // queue's indexes (a generic plan of the poller's claim read 3,019 buffers so, a claim as first written read
        // the whole open-messages index, id being its last column, and a CI run's head check ANDed the whole lease
        // index with one of the business's and sorted)
        assertThat(plans).allSatisfy((statement, plan) -> {
            assertThat(plan).as(statement + "\n" + plan).contains("Index Scan using messages_pkey on messages")
                    .doesNotContain("messages_due_by_business_idx", "messages_leased_idx", "messages_pending_idx")
                    .doesNotContainPattern("messages_open_outbound_idx[^\n]*\n\\s*Index Cond: \\(id");
            if (statement.contains("ORDER BY o.sent_at, o.id LIMIT 1")) {
                assertThat(plan).as(statement + "\n" + plan).containsPattern(
                        "Index Scan using messages_open_outbound_idx on messages o[^\n]*\n\\s*Index Cond: \\(conversation_id");
            }
            assertThat(QueryPlans.pagesRead(plan)).as(statement + "\n" + plan).isLessThan(100);
        });
    }

    /** The send path's statements on one message, each with its arguments for a message of the shop. */
    private Map<String, Function<UUID, Object[]>> byKeyStatements() {
        UUID business = shop.business();
        return new LinkedHashMap<>(Map.of(
                OutboundQueue.CLAIM, m -> new Object[] {"plan-test", 60_000, business, m},
                OutboundQueue.CLAIM_RECORDED, m -> new Object[] {"plan-test", 60_000, business, m},
                OutboundQueue.MARK_ATTEMPTING, m -> new Object[] {60_000, business, m, "plan-test"},
                OutboundQueue.RELEASE, m -> new Object[] {business, m, "plan-test"},
                OutboundQueue.RESCHEDULE, m -> new Object[] {60_000, "TEMPORARY", "2", business, m, "plan-test"},
                OutboundQueue.MARK_UNKNOWN, m -> new Object[] {"TIMEOUT", business, m},
                OutboundQueue.MARK_INTERRUPTED, m -> new Object[] {business, m}));
    }

    /**
     * {@code replies} delivered replies of each of {@code businesses} businesses, written as the database's owner
     * (row-level security takes one business per statement); they hang on {@code other}'s conversation, which only
     * its foreign key reads.
     */
    private void otherBusinessesHistory(Fixture other, int businesses, int replies) {
        try (Connection app = jdbc.getDataSource().getConnection();
                Connection owner = TestPostgres.get().connect(app.getCatalog());
                PreparedStatement insert = owner.prepareStatement("""
                        INSERT INTO messages (id, business_id, conversation_id, direction, author_type, text,
                                              source_event_id, correlation_id, sent_at, delivery_status, attempts,
                                              external_message_id, updated_at)
                        SELECT gen_random_uuid(), b.id, ?, 'OUTBOUND', 'ASSISTANT', 'Thanks, noted', gen_random_uuid(),
                               'history', now() - interval '2 days' + i * interval '1 second', 'SENT', 1,
                               'wamid.other-' || gen_random_uuid(), now()
                          FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, ?)) b, generate_series(1, ?) i
                        """)) {
            insert.setObject(1, other.conversationId());
            insert.setInt(2, businesses);
            insert.setInt(3, replies);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
