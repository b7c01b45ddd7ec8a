package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.MessageStatusChanged;
import com.sellavie.events.ingest.UnroutableWebhook;
import com.sellavie.ingest.ChannelEvents;
import com.sellavie.ingest.TopicProbe;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kafka first (issue 12 item 2's third option): with Kafka up, a routed webhook's events are on Kafka when its 200
 * is answered, as the relay would have sent them, and nothing of them is in the outbox; what ingest keeps in its
 * database (an unroutable DM and its report) still commits together through the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=" + MetaWebhookIntegrationTest.SECRET, "sellavie.meta.verify-token=kafka-first-verify",
        "sellavie.ingest.kafka-first.enabled=true"})
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaFirstWebhookTest {

    private static final String SECRET = MetaWebhookIntegrationTest.SECRET;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    MetaWebhookClient meta;
    final UUID business = UUID.randomUUID();
    final String igAccount = "1785" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    final String pageId = "1786" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);

    @BeforeAll
    void connectTheBusinessesChannels() {
        meta = new MetaWebhookClient(port);
        connect(ChannelEvents.connected(business, "INSTAGRAM", igAccount));
        connect(ChannelEvents.connected(business, "MESSENGER", pageId));
    }

    @Test
    void aRoutedDmIsOnKafkaWhenItsWebhookIsAnsweredAndNotInTheOutbox() {
        String mid = "mid-kafka-first-" + UUID.randomUUID();
        String sender = "IGSID-" + UUID.randomUUID();
        double directBefore = delivered("kafka", "acknowledged");
        long outboxBefore = outboxRows("InboundMessageReceived");

        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (TopicProbe inbound = TopicProbe.from(Topics.INGEST_INBOUND_MESSAGES.name())) {
            assertThat(meta.postTraced(MetaWebhooks.signedInstagramDm(SECRET, igAccount, sender, mid, "sent straight on"),
                    "00-" + traceId + "-00f067aa0ba902b7-01").statusCode()).isEqualTo(200);

            // Acknowledged by Kafka before the 200: a consumer reads it without any relay involved
            ConsumerRecord<String, Object> record = inbound.await(r -> r.value() instanceof InboundMessageReceived e
                    && e.getExternalMessageId().equals(mid));
            InboundMessageReceived event = (InboundMessageReceived) record.value();
            assertThat(record.key()).isEqualTo(igAccount + ":" + sender);
            assertThat(event.getBusinessId()).isEqualTo(business);
            assertThat(event.getText()).isEqualTo("sent straight on");
            assertThat(TopicProbe.header(record, "eventId")).contains(event.getEventId().toString());
            assertThat(TopicProbe.header(record, "eventType")).contains("InboundMessageReceived");
            assertThat(TopicProbe.header(record, "businessId")).contains(business.toString());
            // ... and the webhook's trace goes on in the consumers (the commit runs on a group-commit writer)
            assertThat(TopicProbe.header(record, "traceparent")).hasValueSatisfying(
                    traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE id = ?", Long.class, event.getEventId()))
                    .isZero();
        }
        assertThat(outboxRows("InboundMessageReceived")).isEqualTo(outboxBefore);
        assertThat(delivered("kafka", "acknowledged")).isEqualTo(directBefore + 1);
    }

    @Test
    void aDmWhoseRouteIsInMemoryGoesStraightFromItsRequestInItsTrace() {
        String sender = "IGSID-" + UUID.randomUUID();
        // The first DM of the channel in this test may have had to look its route up (and kept it in memory)
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, igAccount, sender, "mid-first-" + UUID.randomUUID(),
                "hello")).statusCode()).isEqualTo(200);
        double inMemoryBefore = inMemory();
        double acknowledgedBefore = delivered("kafka", "acknowledged");

        String mid = "mid-in-memory-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (TopicProbe inbound = TopicProbe.from(Topics.INGEST_INBOUND_MESSAGES.name())) {
            assertThat(meta.postTraced(MetaWebhooks.signedInstagramDm(SECRET, igAccount, sender, mid, "again"),
                    "00-" + traceId + "-00f067aa0ba902b7-01").statusCode()).isEqualTo(200);

            // Published without a transaction (nothing of it written to ingest's database)...
            assertThat(inMemory()).isEqualTo(inMemoryBefore + 1);
            assertThat(delivered("kafka", "acknowledged")).isEqualTo(acknowledgedBefore + 1);
            // ... acknowledged by Kafka before the 200, routed to the business, in the webhook's trace
            ConsumerRecord<String, Object> record = inbound.await(r -> r.value() instanceof InboundMessageReceived e
                    && e.getExternalMessageId().equals(mid));
            InboundMessageReceived event = (InboundMessageReceived) record.value();
            assertThat(event.getBusinessId()).isEqualTo(business);
            assertThat(record.key()).isEqualTo(igAccount + ":" + sender);
            assertThat(TopicProbe.header(record, "businessId")).contains(business.toString());
            assertThat(TopicProbe.header(record, "traceparent")).hasValueSatisfying(
                    traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE id = ?", Long.class, event.getEventId()))
                    .isZero();
        }
    }

    @Test
    void aWebhookWithOneDmForAnUnknownChannelGoesThroughItsTransactionWhole() {
        String unknownAccount = "1788" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String routedMid = "mid-mixed-routed-" + UUID.randomUUID();
        String keptMid = "mid-mixed-kept-" + UUID.randomUUID();
        // The channel's route in memory first
        assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, igAccount, "IGSID-m", "mid-warm-" + UUID.randomUUID(),
                "hi")).statusCode()).isEqualTo(200);
        double inMemoryBefore = inMemory();

        try (TopicProbe inbound = TopicProbe.from(Topics.INGEST_INBOUND_MESSAGES.name())) {
            assertThat(meta.post(MetaWebhooks.signed(SECRET, MetaWebhooks.instagramBatch(List.of(
                    new MetaWebhooks.Dm(igAccount, "IGSID-m", routedMid, "to a known account"),
                    new MetaWebhooks.Dm(unknownAccount, "IGSID-u", keptMid, "to an unknown one")))))
                    .statusCode()).isEqualTo(200);

            // Not published on its own: the kept DM and the routed one's event go together
            assertThat(inMemory()).isEqualTo(inMemoryBefore);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM unroutable_messages WHERE external_message_id = ?",
                    Long.class, keptMid)).isEqualTo(1);
            inbound.await(r -> r.value() instanceof InboundMessageReceived e && e.getExternalMessageId().equals(routedMid));
        }
    }

    @Test
    void aStatusGoesTheSameWay() {
        String mid = "m_status-" + UUID.randomUUID();
        try (TopicProbe statuses = TopicProbe.from(Topics.INGEST_DELIVERY_STATUSES.name())) {
            assertThat(meta.post(MetaWebhooks.signed(SECRET,
                    MetaWebhooks.messengerDelivery(pageId, "PSID-" + UUID.randomUUID(), List.of(mid), 1_700_000_000L)))
                    .statusCode()).isEqualTo(200);

            MessageStatusChanged status = (MessageStatusChanged) statuses.await(r -> r.value() instanceof MessageStatusChanged s
                    && s.getExternalMessageIds().contains(mid)).value();
            assertThat(status.getBusinessId()).isEqualTo(business);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE id = ?", Long.class, status.getEventId()))
                    .isZero();
        }
    }

    @Test
    void anUnroutableDmIsStillKeptWithItsReportInOneTransaction() {
        String unknownAccount = "1787" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String mid = "mid-unroutable-" + UUID.randomUUID();
        long reportsBefore = outboxRows("UnroutableWebhook");

        try (TopicProbe unroutable = TopicProbe.from(Topics.INGEST_UNROUTABLE.name())) {
            assertThat(meta.post(MetaWebhooks.signedInstagramDm(SECRET, unknownAccount, "IGSID-x", mid, "anyone there?"))
                    .statusCode()).isEqualTo(200);

            assertThat(jdbc.queryForObject("SELECT count(*) FROM unroutable_messages WHERE external_message_id = ?",
                    Long.class, mid)).isEqualTo(1);
            assertThat(outboxRows("UnroutableWebhook")).isEqualTo(reportsBefore + 1);
            unroutable.await(r -> r.value() instanceof UnroutableWebhook u && u.getIdentifiers().stream()
                    .anyMatch(id -> id.getValue().equals(unknownAccount)));
        }
    }

    private long outboxRows(String eventType) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_type = ?", Long.class, eventType);
    }

    private double inMemory() {
        return meters.get("sellavie.ingest.meta.webhooks.in_memory").counter().count();
    }

    private double delivered(String path, String reason) {
        var counter = meters.find("sellavie.ingest.webhook.events").tags("path", path, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private void connect(ChannelConnected connected) {
        ChannelEvents.connectAndAwaitRoute(jdbc, connected);
    }
}
