package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.platform.migration.PlatformMigrations;
import com.sellavie.platform.test.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A topic the broker does not have, with automatic creation off as in production (topics are provisioned), refuses
 * its records for good: they become relay dead letters and every other topic's events keep flowing; once the topic
 * is provisioned, a replay delivers them. Its own broker: the shared test broker creates topics on first use.
 */
class RelayMissingTopicTest {

    private static EmbeddedKafkaKraftBroker broker;

    private final TestPostgres postgres = TestPostgres.get();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private String database;
    private String url;
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private OutboxRelay relay;
    private TopicWatcher present;
    private TopicWatcher missing;

    @BeforeAll
    static void brokerThatCreatesNoTopics() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @BeforeEach
    void freshServiceDatabase() {
        url = postgres.createDatabase("relay_missing_topic");
        database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        dataSource = new SingleConnectionDataSource(url, postgres.user(), postgres.password(), true);
        PlatformMigrations.migrate(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (relay != null) {
            relay.stop();
        }
        for (TopicWatcher watcher : new TopicWatcher[] {present, missing}) {
            if (watcher != null) {
                watcher.close();
            }
        }
        dataSource.destroy();
        postgres.dropDatabase(database);
    }

    @Test
    void eventsForATopicTheBrokerDoesNotHaveAreDeadLetteredTheOthersFlowAndAReplayDeliversThemOnceItExists()
            throws Exception {
        String run = "missing-" + UUID.randomUUID() + ":";
        String presentTopic = "relay-present-" + UUID.randomUUID();
        String missingTopic = "relay-missing-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            // Given a provisioned topic, one that was never provisioned, and a relay streaming
            admin.createTopics(List.of(new NewTopic(presentTopic, 1, (short) 1))).all().get();
            present = new TopicWatcher(broker.getBrokersAsString(), presentTopic, run);
            RelayProperties settings = new RelayProperties();
            settings.setInstanceId("missing-topic");
            relay = new OutboxRelay(RelayDatabase.of(url, postgres.user(), postgres.password()), settings,
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), meters);
            relay.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.state().streaming());

            // When an event for the missing topic is written, then events for the provisioned one
            UUID lost = outboxRow(missingTopic, run + "orphan");
            outboxRow(presentTopic, run + "first");
            outboxRow(presentTopic, run + "second");

            // Then the provisioned topic's events arrive, and the other is a dead letter saying why, counted
            await().atMost(Duration.ofSeconds(60)).until(() -> present.firstArrivalNanos(run + "second") != null);
            assertThat(present.firstArrivalNanos(run + "first")).isNotNull();
            RelayDeadLetters deadLetters = new RelayDeadLetters(dataSource);
            await().atMost(Duration.ofSeconds(10)).until(() -> !deadLetters.list().isEmpty());
            assertThat(deadLetters.list()).singleElement().satisfies(entry -> {
                assertThat(entry.eventId()).isEqualTo(lost);
                assertThat(entry.topic()).isEqualTo(missingTopic);
                assertThat(entry.key()).isEqualTo(run + "orphan");
                assertThat(entry.reason()).startsWith("UnknownTopicOrPartitionException").contains(missingTopic)
                        .contains("does not exist");
            });
            assertThat(meters.counter(RelayMetrics.DEAD_LETTERS, "slot", relay.slotName(), "reason",
                    "UnknownTopicOrPartitionException").count()).isEqualTo(1);
            assertThat(admin.listTopics().names().get()).as("the relay created no topic").doesNotContain(missingTopic);

            // When the topic is provisioned and the dead letter replayed
            admin.createTopics(List.of(new NewTopic(missingTopic, 1, (short) 1))).all().get();
            missing = new TopicWatcher(broker.getBrokersAsString(), missingTopic, run);
            deadLetters.replay(deadLetters.list().getFirst().id());

            // Then it arrives once, with its event id, and the dead letter is gone
            await().atMost(Duration.ofSeconds(60)).until(() -> missing.firstArrivalNanos(run + "orphan") != null);
            assertThat(missing.recordsWithKey(run + "orphan")).singleElement().satisfies(record ->
                    assertThat(new String(record.headers().lastHeader("eventId").value())).isEqualTo(lost.toString()));
            assertThat(deadLetters.list()).isEmpty();
        }
    }

    private UUID outboxRow(String topic, String key) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO outbox (id, topic, aggregate_id, event_type, payload) VALUES (?, ?, ?, 'Raw', ?)", id,
                topic, key, new byte[] {1, 2, 3});
        return id;
    }
}
