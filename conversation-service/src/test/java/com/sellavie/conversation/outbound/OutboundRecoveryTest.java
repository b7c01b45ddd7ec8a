package com.sellavie.conversation.outbound;

import static com.sellavie.conversation.outbound.SendFixtures.MESSAGES;
import static com.sellavie.conversation.outbound.SendFixtures.callsWith;
import static com.sellavie.conversation.outbound.SendFixtures.conversation;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.insertOutbound;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.reply;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.platform.observability.QueuedWorkTracing;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What a crash, a failed record or a second instance leaves behind, and what becomes of it: never
 * attempted -> sent normally; attempted without a recorded answer -> UNKNOWN, never re-sent; a live
 * instance's lease respected; Meta's acceptance recorded even when the first record fails.
 */
@ConversationServiceTest
class OutboundRecoveryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Autowired
    MeterRegistry meters;
    @Autowired
    OutboundQueue queue;
    @Autowired
    SendClaims claims;
    @Autowired
    OutboundSender sender;
    @Autowired
    UnrecordedSends unrecorded;
    @Autowired
    SendMetrics metrics;
    @Autowired
    OutboundProperties properties;
    @Autowired
    SendScheduler scheduler;

    @Test
    void aSendWhoseSenderDiedMidCallBecomesUnknownOnceItsLeaseExpiresAndIsNotResent() {
        // Given a message an instance marked ATTEMPTING, then died (its lease ran out)
        Fixture f = conversation(port, "igsid-60");
        String text = "Interrupted mid-call " + UUID.randomUUID();
        stub(send(text), ok("m_never_" + f.tag()));
        insertOutbound(jdbc, f, text, "ATTEMPTING", "dead-instance", -1, 1, 1_000);

        // Then it is shown UNKNOWN (maybe sent), with why, and Meta is not called again
        assertThat(f.await(text, "UNKNOWN").get("failureReason").asString()).isEqualTo("INTERRUPTED_DURING_SEND");
        // and the conversation's next reply is not held back by it
        String next = "After the interrupted one " + UUID.randomUUID();
        stub(send(next), ok("m_next_" + f.tag()));
        deliver(reply(f, next), 1);
        f.await(next, "SENT");
        assertThat(callsWith(text)).isEmpty();
    }

    @Test
    void aClaimedButNeverAttemptedSendIsSentNormallyOnceItsLeaseExpires() {
        // Given a message claimed by an instance that died before marking it ATTEMPTING
        Fixture f = conversation(port, "igsid-61");
        String text = "Claimed, never attempted " + UUID.randomUUID();
        stub(send(text), ok("m_claimed_" + f.tag()));
        UUID id = insertOutbound(jdbc, f, text, "PENDING", "dead-instance", -1, 0, 1_000);

        // Then another instance sends it, once, and records it SENT with Meta's id
        f.await(text, "SENT");
        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getMessageId().equals(id)).getFirst().value();
        assertThat(sent.getExternalMessageId()).isEqualTo("m_claimed_" + f.tag());
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(callsWith(text)).hasSize(1);
    }

    @Test
    void aLiveInstancesLeaseIsNeitherSweptNorOvertakenByLaterMessages() {
        // Given a send in flight on another, live instance (lease far from expiry), and a later reply
        Fixture f = conversation(port, "igsid-62");
        String inFlight = "In flight elsewhere " + UUID.randomUUID();
        insertOutbound(jdbc, f, inFlight, "ATTEMPTING", "live-instance", 600, 1, 1_000);
        String later = "Queued behind it " + UUID.randomUUID();
        stub(send(later), ok("m_later_" + f.tag()));
        deliver(reply(f, later), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.status(later) != null);

        // Then this instance leaves the other's send alone and keeps the conversation's order
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                "ATTEMPTING".equals(f.status(inFlight)) && "PENDING".equals(f.status(later)));
        assertThat(callsWith(later)).isEmpty();

        // and when the other instance records its outcome, the later reply goes out
        TenantContext.runAs(f.business(), () -> jdbc.update("UPDATE messages SET delivery_status = 'SENT' "
                + "WHERE business_id = ? AND text = ?", f.business(), inFlight));
        f.await(later, "SENT");
    }

    @Test
    void metaAcceptedButTheRecordFailedIsRecordedSentWithMetasIdWithoutSendingAgain() {
        // Given the database refusing the first two SENT records of this reply (a trigger standing in for an outage)
        Fixture f = conversation(port, "igsid-63");
        String text = "record-fails " + UUID.randomUUID();
        stub(send(text), ok("m_kept_" + f.tag()));
        double unrecordedBefore = counter("unrecorded");
        failSentRecords("record-fails %", 2);
        try {
            // When the reply is sent and Meta accepts it
            deliver(reply(f, text), 1);

            // Then it ends SENT with Meta's message id, announced once, after one Send API call only
            f.await(text, "SENT");
            OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                    e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
            assertThat(sent.getExternalMessageId()).isEqualTo("m_kept_" + f.tag());
            assertThat(callsWith(text)).hasSize(1);
            assertThat(counter("unrecorded") - unrecordedBefore).isEqualTo(2);
            assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                    e -> e.getConversationId().equals(f.conversationId()), Duration.ofSeconds(1))).hasSize(1);
        } finally {
            owner().execute("DROP TRIGGER IF EXISTS test_fail_sent_record ON messages");
        }
    }

    @Test
    void twoInstancesOnOneDatabaseNeverBothSendOneMessage() {
        // Given two instances (one worker each, so both must take part) draining one database, Meta a little slow
        scheduler.stop();
        SendScheduler first = instance("instance-a");
        SendScheduler second = instance("instance-b");
        try {
            List<Fixture> conversations = new ArrayList<>();
            for (int business = 0; business < 3; business++) {
                conversations.add(conversation(port, "igsid-7" + business));
            }
            List<String> texts = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Fixture f : conversations) {
                    String text = "Both instances " + round + " " + UUID.randomUUID();
                    stub(send(text), ok("m_" + UUID.randomUUID()).withFixedDelay(100));
                    texts.add(text);
                    deliver(reply(f, text), 1);
                }
            }
            first.start();
            second.start();

            // Then every reply is sent exactly once, and both instances sent some
            for (Fixture f : conversations) {
                await().atMost(Duration.ofSeconds(60)).until(() -> f.messages().stream()
                        .filter(m -> "OUTBOUND".equals(m.get("direction").asString()))
                        .allMatch(m -> "SENT".equals(m.get("deliveryStatus").asString())));
            }
            assertThat(texts).allSatisfy(text -> assertThat(callsWith(text)).as(text).hasSize(1));
            List<String> senders = new ArrayList<>();
            for (Fixture f : conversations) {
                senders.addAll(TenantContext.callAs(f.business(), () -> jdbc.queryForList("SELECT DISTINCT lease_owner "
                        + "FROM messages WHERE business_id = ? AND direction = 'OUTBOUND'", String.class, f.business())));
            }
            assertThat(senders).contains("instance-a", "instance-b");
        } finally {
            first.stop();
            second.stop();
            scheduler.start();
        }
    }

    private SendScheduler instance(String id) {
        OutboundProperties one = new OutboundProperties(1, 1, properties.pollInterval(), properties.leaseDuration(), id,
                properties.initialBackoff(), properties.maxBackoff(), properties.retryHorizon(),
                properties.connectTimeout(), properties.requestTimeout(), properties.replayMaxAge());
        return new SendScheduler(queue, claims, sender, unrecorded, metrics, one,
                new QueuedWorkTracing(ObservationRegistry.NOOP), meters);
    }

    /** Installs a trigger failing the first {@code times} SENT records of messages whose text is LIKE {@code pattern}. */
    private void failSentRecords(String pattern, int times) {
        // DDL is the owner's: the service's own role may only read and write rows.
        JdbcTemplate owner = owner();
        owner.execute("DROP SEQUENCE IF EXISTS test_failed_records");
        owner.execute("CREATE SEQUENCE test_failed_records");
        owner.execute("""
                CREATE OR REPLACE FUNCTION test_fail_sent_record() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.delivery_status = 'SENT' AND NEW.text LIKE '%s' THEN
                        -- nextval is not rolled back with the failing transaction: it counts the failures
                        IF nextval('test_failed_records') <= %d THEN
                            RAISE EXCEPTION 'test: recording SENT refused';
                        END IF;
                    END IF;
                    RETURN NEW;
                END $$""".formatted(pattern, times));
        owner.execute("CREATE TRIGGER test_fail_sent_record BEFORE UPDATE ON messages FOR EACH ROW "
                + "EXECUTE FUNCTION test_fail_sent_record()");
    }

    /** The database's owner role, the one migrations run as (the service connects as a role that owns nothing). */
    private JdbcTemplate owner() {
        return new JdbcTemplate(new DriverManagerDataSource(environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"), environment.getRequiredProperty("spring.flyway.password")));
    }

    private double counter(String outcome) {
        return meters.get("sellavie.outbound.sends").tag("outcome", outcome).counter().count();
    }
}
