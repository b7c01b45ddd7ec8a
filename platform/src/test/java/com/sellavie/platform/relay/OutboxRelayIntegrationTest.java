package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.outbox.EventRecords;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.relay.RelayTestApplication.MessageIntake;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
@SpringBootTest(classes = RelayTestApplication.class, properties = {
        "spring.application.name=relay-it",
        "spring.flyway.locations=classpath:db/relay-test-service",
        "sellavie.relay.drop-slot-on-stop=true"})
class OutboxRelayIntegrationTest {

    private static final String TOPIC = Topics.of(InboundMessageReceived.class).name();
    private static final String RUN = "relay-it-" + UUID.randomUUID() + ":";
    private static TopicWatcher topic;

    @Autowired
    MessageIntake intake;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tracer tracer;
    @Autowired
    OutboxRelay relay;
    @Autowired
    HealthIndicator relayHealthIndicator;
    @Autowired
    MeterRegistry meters;
    @Autowired
    EventRecords eventRecords;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void watchTopic() {
        topic = new TopicWatcher(TOPIC, RUN);
    }

    @AfterAll
    static void stopWatching() throws InterruptedException {
        topic.close();
    }

    @Test
    void rolledBackEventIsNeverPublished() {
        // Given one conversation (one key, so one partition and one order)
        String key = RUN + "rollback";
        InboundMessageReceived rolledBack = Events.inboundMessage("rolled-back");
        InboundMessageReceived marker = Events.inboundMessage("committed-after");

        // When the first use case fails after publishing, and a later one commits
        assertThatThrownBy(() -> intake.receiveThenFail(rolledBack, key)).isInstanceOf(IllegalStateException.class);
        intake.receive(marker, key);

        // Then the later event arrives, and nothing of the rolled-back one before or with it
        await().atMost(Duration.ofSeconds(30)).until(() -> !topic.recordsWithKey(key).isEmpty());
        assertThat(topic.recordsWithKey(key)).extracting(r -> header(r, "eventId"))
                .containsExactly(marker.getEventId().toString());
    }

    @Test
    void committedEventIsPublishedOnceWithItsKeyHeadersAndUnchangedPayload() {
        // Given a use case running inside a span
        String key = RUN + "committed";
        InboundMessageReceived event = Events.inboundMessage("hello");
        Span span = tracer.nextSpan().name("receive-dm").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            // When it commits
            intake.receive(event, key);
        } finally {
            span.end();
        }

        // Then exactly one record arrives on the event's topic, keyed by the aggregate id
        await().atMost(Duration.ofSeconds(30)).until(() -> !topic.recordsWithKey(key).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> topic.recordsWithKey(key).size() == 1);
        ConsumerRecord<String, byte[]> record = topic.recordsWithKey(key).getFirst();
        assertThat(record.topic()).isEqualTo("ingest.inbound-messages");
        assertThat(header(record, "eventId")).isEqualTo(event.getEventId().toString());
        assertThat(header(record, "eventType")).isEqualTo("InboundMessageReceived");
        assertThat(header(record, "businessId")).isEqualTo(Events.BUSINESS.toString());
        assertThat(header(record, "traceparent"))
                .startsWith("00-" + span.context().traceId())
                .contains("-" + span.context().spanId() + "-");
        assertThat(record.headers()).extracting(Header::key)
                .containsExactlyInAnyOrder("eventId", "eventType", "businessId", "traceparent");
        // ... whose value is the Confluent-format Avro of the same event
        assertThat(record.value()[0]).isZero();
        assertThat(decode(record)).isEqualTo(event);
        // ... and the outbox keeps the row for its retention window (a new slot would republish it from there)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE id = ?", Integer.class, event.getEventId()))
                .isEqualTo(1);
    }

    @Test
    void aServiceSendingAnEventItselfSendsTheRecordTheRelaySends() {
        // Given an event published through the outbox inside a span, and relayed
        String key = RUN + "same-record";
        InboundMessageReceived event = Events.inboundMessage("sent either way");
        Span span = tracer.nextSpan().name("receive-dm").start();
        ProducerRecord<String, byte[]> direct;
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            intake.receive(event, key);
            // When a service builds the same event's record itself, in the same span
            direct = eventRecords.record(event, key);
        } finally {
            span.end();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !topic.recordsWithKey(key).isEmpty());
        ConsumerRecord<String, byte[]> relayed = topic.recordsWithKey(key).getFirst();

        // Then topic, key, bytes and every header are the relay's
        assertThat(direct.topic()).isEqualTo(relayed.topic());
        assertThat(direct.key()).isEqualTo(relayed.key());
        assertThat(direct.value()).isEqualTo(relayed.value());
        assertThat(direct.headers()).extracting(Header::key)
                .containsExactlyInAnyOrderElementsOf(List.of(relayed.headers().toArray()).stream().map(Header::key).toList());
        for (Header header : relayed.headers()) {
            assertThat(new String(direct.headers().lastHeader(header.key()).value(), StandardCharsets.UTF_8))
                    .as(header.key()).isEqualTo(new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> eventRecords.record(event, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointReachesTheCommitOfTheAcknowledgedTransactionNotItsStart() throws InterruptedException {
        // Given a relay that has stored its checkpoint for whatever came before (at most once a second)
        String key = RUN + "checkpoint";
        InboundMessageReceived event = Events.inboundMessage("slow transaction");
        Thread.sleep(1_100);

        // When an event's transaction commits 1.5 s after it began (its created_at is the transaction's start)
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            intake.receive(event, key);
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !topic.recordsWithKey(key).isEmpty());
        Instant createdAt = jdbc.queryForObject("SELECT created_at FROM outbox WHERE id = ?", Timestamp.class,
                event.getEventId()).toInstant();

        // Then the checkpoint Kafka's acknowledgement stores is the commit: a new slot republishes from there
        // minus the margin, which covers the rows of every transaction shorter than the margin
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(acknowledgedUntil())
                .isAfterOrEqualTo(createdAt.plusMillis(1_500)));
        assertThat(acknowledgedUntil()).isBeforeOrEqualTo(jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant());
    }

    @Test
    void eventWithoutCurrentSpanHasNoTraceparent() {
        String key = RUN + "untraced";
        intake.receive(Events.inboundMessage("untraced"), key);

        await().atMost(Duration.ofSeconds(30)).until(() -> !topic.recordsWithKey(key).isEmpty());
        assertThat(topic.recordsWithKey(key).getFirst().headers().lastHeader("traceparent")).isNull();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(Events.inboundMessage("no-tx"), RUN + "no-tx"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void healthShowsTheOnlyRelayOfTheDatabaseAsStreamingLeader() {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.state().streaming());

        var health = relayHealthIndicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("role", RelayState.Role.LEADER)
                .containsEntry("streaming", true)
                .containsEntry("leader", "sellavie-relay " + relay.instanceId())
                .containsKeys("slot", "published", "slotLagBytes");
    }

    @Test
    void metricsShowTheLeaderStreamingItsPublishedEventsAndTheSlotLag() {
        String key = RUN + "metrics";
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.state().streaming());
        double publishedBefore = meters.get("sellavie.relay.published").tag("slot", relay.slotName())
                .functionCounter().count();

        intake.receive(Events.inboundMessage("counted"), key);

        await().atMost(Duration.ofSeconds(30)).until(() -> !topic.recordsWithKey(key).isEmpty());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(meters.get("sellavie.relay.published")
                .tag("slot", relay.slotName()).functionCounter().count()).isGreaterThan(publishedBefore));
        assertThat(meters.get("sellavie.relay.leader").tag("slot", relay.slotName()).gauge().value()).isEqualTo(1);
        assertThat(meters.get("sellavie.relay.streaming").tag("slot", relay.slotName()).gauge().value()).isEqualTo(1);
        assertThat(meters.get("sellavie.relay.slot.lag").tag("slot", relay.slotName()).gauge().value())
                .isNotNaN().isGreaterThanOrEqualTo(0);
    }

    @Test
    void platformTablesAreMigratedAfterTheServiceOwnTables() {
        List<String> service = jdbc.queryForList("SELECT script FROM flyway_schema_history WHERE success", String.class);
        List<String> platform = jdbc.queryForList(
                "SELECT script FROM platform_schema_history WHERE success ORDER BY installed_rank", String.class);

        assertThat(service).contains("V1__intake_log.sql");
        assertThat(platform).contains("V1__outbox.sql", "V3__relay_recovery.sql");
        assertThat(jdbc.queryForObject("SELECT pubinsert AND NOT pubdelete AND NOT pubupdate FROM pg_publication "
                + "WHERE pubname = 'sellavie_outbox'", Boolean.class)).isTrue();
        // ... streaming only the columns the relay routes (created_at is read by SQL, never decoded from the WAL)
        assertThat(jdbc.queryForList("SELECT unnest(attnames) FROM pg_publication_tables "
                + "WHERE pubname = 'sellavie_outbox' AND tablename = 'outbox'", String.class))
                .containsExactlyInAnyOrder("id", "topic", "aggregate_id", "event_type", "business_id", "traceparent",
                        "payload");
    }

    private Instant acknowledgedUntil() {
        Timestamp until = jdbc.queryForObject("SELECT max(acknowledged_until) FROM relay_checkpoint WHERE slot_name = ?",
                Timestamp.class, relay.slotName());
        return until == null ? Instant.MIN : until.toInstant();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Object decode(ConsumerRecord<String, byte[]> record) {
        try (AvroKafkaDeserializer<Object> deserializer =
                RegistryClients.deserializer(EventSerdeConfig.deserializer(TestSchemaRegistry.baseUrl()))) {
            return deserializer.deserialize(record.topic(), record.value());
        }
    }
}
