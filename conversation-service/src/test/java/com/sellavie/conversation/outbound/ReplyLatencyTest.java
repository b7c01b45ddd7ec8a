package com.sellavie.conversation.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.sellavie.conversation.outbound.SendFixtures.conversationOn;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.error;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.reply;
import static com.sellavie.conversation.outbound.SendFixtures.sendPath;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.platform.test.QueryPlans;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** DM -> reply latency: measured from the customer's message, not from when the reply was written. */
@ConversationServiceTest
class ReplyLatencyTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSentReplyCountsFromTheCustomersMessageIntoAHistogramWithSloBuckets() {
        // Given a customer who wrote 90 s ago, and a reply Meta accepts
        Fixture f = conversationOn(port, context, "MESSENGER", "7101", Instant.now().minusSeconds(90));
        String text = "Here is your answer " + UUID.randomUUID();
        stubPage(f, ok("m_latency_" + f.conversationId()));
        Timer sent = latency("sent");
        long countBefore = sent.count();
        double secondsBefore = sent.totalTime(TimeUnit.SECONDS);

        // When the reply is sent
        deliver(reply(f, text), 1);
        f.await(text, "SENT");

        // Then the wait it records is the customer's, at least the 90 s since they wrote
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.count() > countBefore);
        assertThat(sent.totalTime(TimeUnit.SECONDS) - secondsBefore).isGreaterThanOrEqualTo(90);
        assertThat(Arrays.stream(sent.takeSnapshot().histogramCounts()).map(b -> b.bucket(TimeUnit.SECONDS)))
                .contains(1.0, 5.0, 30.0, 60.0);
    }

    @Test
    void aReplyMetaRefusesForGoodIsTimedAsFailed() {
        Fixture f = conversationOn(port, context, "MESSENGER", "7102", Instant.now().minusSeconds(30));
        String text = "Nobody reads this " + UUID.randomUUID();
        stubPage(f, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(error("This person isn't available right now.", "OAuthException", 551)));
        Timer failed = latency("failed");
        long countBefore = failed.count();
        double secondsBefore = failed.totalTime(TimeUnit.SECONDS);

        deliver(reply(f, text), 1);
        f.await(text, "FAILED");

        await().atMost(Duration.ofSeconds(10)).until(() -> failed.count() > countBefore);
        assertThat(failed.totalTime(TimeUnit.SECONDS) - secondsBefore).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theMessageAReplyAnswersIsFoundWithoutReadingTheWholeConversation() {
        // Given a customer whose latest message, 90 s ago, follows 3,000 older ones in the same conversation
        Instant latest = Instant.now().minusSeconds(90);
        Fixture f = conversationOn(port, context, "MESSENGER", "7103", latest);
        TenantContext.runAs(f.business(), () -> jdbc.update("""
                INSERT INTO messages (id, business_id, conversation_id, direction, author_type, text,
                                      external_message_id, sent_at, delivery_status, updated_at)
                SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, ?, ?, 'INBOUND', 'CUSTOMER',
                       'older question ' || i, 'mid.older.' || i || '.' || ?, now() - interval '2 days' + i * interval '1 second',
                       'RECEIVED', now()
                  FROM generate_series(1, 3000) i
                """, f.business(), f.conversationId(), f.tag()));
        UUID reply = SendFixtures.insertOutbound(jdbc, f, "The answer", "SENT", "test", -60, 1, 0);

        // When the send reads when the message it answers was written (the query under EXPLAIN ANALYZE too)
        String read = "SELECT (" + ReplyLatency.ANSWERED_AT + ") FROM (VALUES (?::uuid)) AS s (message_id)";
        Timestamp answered = TenantContext.callAs(f.business(), () -> jdbc.queryForObject(read, Timestamp.class, reply));
        String plan = TenantContext.callAs(f.business(), () -> String.join("\n",
                jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + read, String.class, reply)));

        // Then it is the latest message, found by reading a few pages, not the 3,000 messages before it
        assertThat(answered.toInstant()).isBetween(latest.minusSeconds(1), latest.plusSeconds(1));
        assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(20);
    }

    private Timer latency(String outcome) {
        return meters.get(ReplyLatency.METER).tag("outcome", outcome).timer();
    }

    private static void stubPage(Fixture f, ResponseDefinitionBuilder answer) {
        stub(post(urlEqualTo(sendPath(f.tag()))), answer);
    }
}
