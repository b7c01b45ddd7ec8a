package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.ProxiedKafka;
import com.sellavie.platform.test.TcpProxy;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6 point 6, ingest side: with Kafka unreachable, signed webhooks are still answered 200 at
 * once; their events wait in the outbox and are published once Kafka is back, in order. Run by each way
 * ingest delivers events ({@link KafkaOutageWebhookTest}: the outbox; {@link KafkaFirstOutageWebhookTest}:
 * Kafka first, the outbox as fallback).
 *
 * <p>Each subclass starts a broker of its own behind a proxy ({@link ProxiedKafka}), so {@code cut()} really
 * takes Kafka away. The service stays ready meanwhile: its HTTP work needs only its database.
 */
abstract class KafkaOutageScenario {

    private static final String SECRET = MetaWebhookIntegrationTest.SECRET;
    private static final String INBOUND = Topics.INGEST_INBOUND_MESSAGES.name();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** The proxy in front of this class's broker. */
    abstract TcpProxy kafka();

    /** How long DMs keep coming while Kafka is away. */
    Duration outage() {
        return Duration.ofSeconds(3);
    }

    /** What else must hold of the answer times of the DMs sent during the outage, in order. */
    void answeredDuringTheOutage(List<Duration> answerTimes) {
    }

    @Test
    void webhooksAreAcknowledgedWhileKafkaIsDownAndPublishedWhenItIsBack() throws Exception {
        TcpProxy kafka = kafka();
        // Given a routed Instagram account
        UUID business = UUID.randomUUID();
        String account = "7770" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        TenantContext.runAs(business, () -> jdbc.update("""
                INSERT INTO channel_routes (channel_id, business_id, channel_type, external_id, active, changed_at)
                VALUES (?, ?, 'INSTAGRAM', ?, true, now())""", UUID.randomUUID(), business, account));
        MetaWebhookClient meta = new MetaWebhookClient(port);

        java.time.Instant outageStarted = java.time.Instant.now();
        // When Kafka becomes unreachable (every connection of the service goes through the proxy: reset, then refused)
        kafka.cut();

        // Then for the whole outage (DMs one every 300 ms) every signed DM is acknowledged at once
        List<String> mids = new CopyOnWriteArrayList<>();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        List<Duration> answerTimes = new CopyOnWriteArrayList<>();
        Awaitility.await().during(outage()).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    String mid = "mid-outage-" + UUID.randomUUID();
                    long started = System.nanoTime();
                    HttpResponse<String> response = meta.postTraced(MetaWebhooks.signedInstagramDm(SECRET, account,
                            "IGSID-outage", mid, "during the outage " + mids.size()), "00-" + traceId + "-00f067aa0ba902b7-01");
                    mids.add(mid);
                    Duration answered = Duration.ofNanos(System.nanoTime() - started);
                    answerTimes.add(answered);
                    return response.statusCode() == 200 && answered.compareTo(Duration.ofSeconds(5)) < 0;
                });
        assertThat(mids).hasSizeGreaterThanOrEqualTo(5);
        answeredDuringTheOutage(answerTimes);
        // and the service stays alive and ready (a load balancer keeps sending it webhooks)
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        // And when Kafka is back, the relay catches up: each event published, in order
        long inOutbox = jdbc.queryForObject(
                "SELECT count(*) FROM outbox WHERE event_type = 'InboundMessageReceived' AND created_at >= ?", Long.class,
                java.sql.Timestamp.from(outageStarted));
        // ... each in its webhook's trace, which the consumers go on with
        assertThat(jdbc.queryForList("""
                SELECT traceparent FROM outbox WHERE event_type = 'InboundMessageReceived' AND created_at >= ?""",
                String.class, java.sql.Timestamp.from(outageStarted)))
                .isNotEmpty().allSatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
        kafka.restore();
        List<InboundMessageReceived> published = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = consumer(kafka)) {
            consumer.subscribe(List.of(INBOUND));
            Awaitility.await().atMost(Duration.ofSeconds(150)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    // Kafka first: an event whose send timed out may still land beside its outbox copy, with the
                    // same event id, which consumers' inboxes drop; count it once.
                    if (record.value() instanceof InboundMessageReceived event && published.stream()
                            .noneMatch(seen -> seen.getEventId().equals(event.getEventId()))) {
                        published.add(event);
                    }
                }
                return published.stream().map(InboundMessageReceived::getExternalMessageId).toList().containsAll(mids);
            });
        }
        assertThat(published).extracting(InboundMessageReceived::getExternalMessageId).containsExactlyElementsOf(mids);
        assertThat(published).allSatisfy(event -> assertThat(event.getBusinessId()).isEqualTo(business));
        // ... each of them from the outbox, where it waited for Kafka
        assertThat(inOutbox).isGreaterThanOrEqualTo(mids.size());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaConsumer<String, Object> consumer(TcpProxy kafka) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.address(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), EventSerdes.connect(TestSchemaRegistry.baseUrl()).deserializer());
    }
}
