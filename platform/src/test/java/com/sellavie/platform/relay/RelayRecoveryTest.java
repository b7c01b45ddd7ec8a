package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.migration.PlatformMigrations;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.outbox.TestOutboxes;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay loses nothing when its replication slot goes away (dropped by an operator, or invalidated by
 * PostgreSQL under max_slot_wal_keep_size), and a record Kafka refuses for good does not stop the stream.
 */
class RelayRecoveryTest {

    private static final String TOPIC = Topics.of(InboundMessageReceived.class).name();

    private final TestPostgres postgres = TestPostgres.get();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final List<TopicWatcher> watchers = new ArrayList<>();
    private String database;
    private String url;
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private Outbox outbox;
    private TransactionTemplate transactions;
    private String run;
    private TopicWatcher topic;

    @BeforeEach
    void freshServiceDatabase() {
        url = postgres.createDatabase("relay_recovery");
        database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        dataSource = new SingleConnectionDataSource(url, postgres.user(), postgres.password(), true);
        PlatformMigrations.migrate(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        outbox = TestOutboxes.jdbcOutbox(dataSource, TestSchemaRegistry.baseUrl());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        run = "recovery-" + UUID.randomUUID() + ":";
        topic = new TopicWatcher(TOPIC, run);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        relays.forEach(OutboxRelay::stop);
        topic.close();
        for (TopicWatcher watcher : watchers) {
            watcher.close();
        }
        dataSource.destroy();
        postgres.dropDatabase(database);
    }

    @Test
    void eventsWrittenWhileAnOperatorHadDroppedTheSlotArriveOnceTheRelayRunsAgain() throws SQLException {
        // Given a relay that streamed, then stopped
        OutboxRelay relay = relay("dropped");
        publishAndAwait("before");
        relay.stop();
        // ... whose slot an operator drops (as one would to free the disk a stuck slot holds)
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> superuserSucceeds("SELECT pg_drop_replication_slot('" + relay.slotName() + "')"));

        // When events are written while no slot exists, and the relay starts again
        publish(20, "while-dropped-");
        relay.start();

        // Then every one of them arrives: republished from the outbox table before the new slot streams
        await().atMost(Duration.ofSeconds(30)).until(() -> missing("while-dropped-", 20).isEmpty());
        assertThat(meters.counter(RelayMetrics.SLOT_RECREATED, "slot", relay.slotName(), "reason", "missing").count())
                .isEqualTo(1);
        // (counted once the whole republish is acknowledged, a moment after its last record arrives)
        await().atMost(Duration.ofSeconds(5))
                .until(() -> meters.counter(RelayMetrics.REPUBLISHED, "slot", relay.slotName()).count() >= 20);
        // ... and what is written from now on streams as usual
        publishAndAwait("after");
    }

    @Test
    void slotPostgresInvalidatedIsReplacedAndTheEventsItHeldArrive() throws SQLException {
        // Given a relay that streamed, then stopped, and events written while it was down
        OutboxRelay relay = relay("invalidated");
        publishAndAwait("before");
        relay.stop();
        publish(10, "held-");

        // When PostgreSQL invalidates its slot: it retains more WAL than max_slot_wal_keep_size allows
        try {
            superuser("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'");
            superuser("SELECT pg_reload_conf()");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                superuser("CREATE TABLE IF NOT EXISTS wal_filler (n int)");
                superuser("INSERT INTO wal_filler SELECT generate_series(1, 1000)");
                superuser("SELECT pg_switch_wal()");
                superuser("CHECKPOINT");
                return "lost".equals(jdbc.queryForObject("SELECT wal_status FROM pg_replication_slots WHERE slot_name = ?",
                        String.class, relay.slotName()));
            });
        } finally {
            superuser("ALTER SYSTEM RESET max_slot_wal_keep_size");
            superuser("SELECT pg_reload_conf()");
        }
        publish(10, "after-loss-");
        relay.start();

        // Then the relay notices, replaces the slot, and every event arrives
        await().atMost(Duration.ofSeconds(30)).until(() -> missing("held-", 10).isEmpty() && missing("after-loss-", 10).isEmpty());
        assertThat(meters.counter(RelayMetrics.SLOT_RECREATED, "slot", relay.slotName(), "reason", "lost").count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT wal_status FROM pg_replication_slots WHERE slot_name = ?", String.class,
                relay.slotName())).isNotEqualTo("lost");
        publishAndAwait("after-recovery");
    }

    @Test
    void recordTooLargeForItsTopicIsDeadLetteredTheNextOneArrivesAndItCanBeReplayed() throws Exception {
        // Given a topic that takes records of at most 300 KB (above the relay producer's 64 KiB batch.size), and a
        // relay streaming
        String smallTopic = "relay-dead-letter-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(smallTopic, 1, (short) 1)
                    .configs(Map.of("max.message.bytes", "300000")))).all().get();
            TopicWatcher small = new TopicWatcher(smallTopic, run);
            watchers.add(small);
            OutboxRelay relay = relay("dead-letters");
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.state().streaming());

            // When a 400 KB event is written, then a small one
            UUID big = outboxRow(smallTopic, run + "big", new byte[400_000]);
            outboxRow(smallTopic, run + "next", new byte[16]);

            // Then the small one arrives, the big one is a dead letter with its reason, counted
            await().atMost(Duration.ofSeconds(30)).until(() -> small.firstArrivalNanos(run + "next") != null);
            RelayDeadLetters deadLetters = new RelayDeadLetters(dataSource);
            // (stored once the whole batch is acknowledged, a moment after the small one is readable)
            await().atMost(Duration.ofSeconds(5)).until(() -> !deadLetters.list().isEmpty());
            assertThat(deadLetters.list()).singleElement().satisfies(entry -> {
                assertThat(entry.eventId()).isEqualTo(big);
                assertThat(entry.topic()).isEqualTo(smallTopic);
                assertThat(entry.key()).isEqualTo(run + "big");
                assertThat(entry.payloadBytes()).isEqualTo(400_000);
                assertThat(entry.reason()).startsWith("RecordTooLargeException");
            });
            assertThat(small.recordsWithKey(run + "big")).isEmpty();
            assertThat(meters.counter(RelayMetrics.DEAD_LETTERS, "slot", relay.slotName(), "reason",
                    "RecordTooLargeException").count()).isEqualTo(1);
            assertThat(relay.state().lastError()).isNull();

            // When the topic is fixed and the dead letter replayed
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, smallTopic), List.of(
                    new AlterConfigOp(new ConfigEntry("max.message.bytes", "1000000"), AlterConfigOp.OpType.SET))))
                    .all().get();
            deadLetters.replay(deadLetters.list().getFirst().id());

            // Then it arrives, with its event id, and the dead letter is gone
            await().atMost(Duration.ofSeconds(30)).until(() -> small.firstArrivalNanos(run + "big") != null);
            assertThat(new String(small.recordsWithKey(run + "big").getFirst().headers().lastHeader("eventId").value()))
                    .isEqualTo(big.toString());
            assertThat(deadLetters.list()).isEmpty();
            // ... and an unknown dead letter is a clear error
            assertThatThrownBy(() -> deadLetters.replay(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("No relay dead letter -1");
        }
    }

    private UUID outboxRow(String topicName, String key, byte[] payload) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO outbox (id, topic, aggregate_id, event_type, payload) VALUES (?, ?, ?, 'Raw', ?)", id,
                topicName, key, payload);
        return id;
    }

    private OutboxRelay relay(String instanceId) {
        RelayProperties settings = new RelayProperties();
        settings.setInstanceId(instanceId);
        OutboxRelay relay = new OutboxRelay(RelayDatabase.of(url, postgres.user(), postgres.password()), settings,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), meters);
        relays.add(relay);
        relay.start();
        return relay;
    }

    private void publish(int count, String prefix) {
        for (int n = 0; n < count; n++) {
            String key = run + prefix + n;
            transactions.executeWithoutResult(status -> outbox.publish(Events.inboundMessage(key), key));
        }
    }

    private void publishAndAwait(String name) {
        transactions.executeWithoutResult(status -> outbox.publish(Events.inboundMessage(name), run + name));
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.firstArrivalNanos(run + name) != null);
    }

    private List<Integer> missing(String prefix, int count) {
        return IntStream.range(0, count).filter(n -> topic.firstArrivalNanos(run + prefix + n) == null).boxed().toList();
    }

    /** True once it ran (a slot may still be active for a moment after the relay stopped). */
    private boolean superuserSucceeds(String sql) throws SQLException {
        superuser(sql);
        return true;
    }

    private void superuser(String sql) throws SQLException {
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
