package com.sellavie.conversation.outbound;

import static com.sellavie.conversation.outbound.SendFixtures.conversationOn;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.outbound.OutboundQueue.QueuedMessage;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.QueryPlans;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The send poller's due query: it runs after every send while a backlog waits for workers, so it reads
 * the few messages it can hand out, not a business's whole backlog.
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

    @Test
    void aPollReadsTheRepliesItCanHandOutNotABusinesssWholeBacklog() {
        // Given a shop whose 3,000 customers each wait for a reply, all due, while this instance's poller is
        // stopped (as if every worker were busy)
        // (on WhatsApp: its contacts have no profile for the contact profile queue to fetch)
        Fixture shop = conversationOn(port, context, "WHATSAPP", "2348012345678", Instant.now());
        scheduler.stop();
        try {
            List<UUID> backlog = queueReplies(shop, 3_000);

            // When an instance looks for due replies, two per business
            List<QueuedMessage> due = queue.due(6, 2);
            String plan = tenancy.globalLookup(OutboundQueue.LOOKUP, () -> String.join("\n",
                    jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + OutboundQueue.DUE, String.class, 2, 6)));

            // Then it gets the shop's two longest-waiting replies, having read a few pages, not 3,000 replies
            assertThat(due.stream().filter(d -> d.businessId().equals(shop.business())).map(QueuedMessage::messageId))
                    .containsExactly(backlog.get(0), backlog.get(1));
            assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100);
        } finally {
            TenantContext.runAs(shop.business(), () -> jdbc.update("UPDATE messages SET delivery_status = 'FAILED', "
                    + "next_attempt_at = NULL WHERE business_id = ? AND correlation_id = 'backlog'", shop.business()));
            scheduler.start();
        }
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
