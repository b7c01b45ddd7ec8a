package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.migration.PlatformMigrations;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.outbox.TestOutboxes;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crashes of the relay's process, for real: relays run in child JVMs killed with SIGKILL while the test
 * keeps writing numbered events, and a consumer checks that every number reaches Kafka.
 */
class RelayFailoverTest {

    private static final Logger log = LoggerFactory.getLogger(RelayFailoverTest.class);
    private static final String TOPIC = Topics.of(InboundMessageReceived.class).name();
    private static final long WRITE_PAUSE_MILLIS = 10;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(10);

    private final TestPostgres postgres = TestPostgres.get();
    private final RelayProcesses children = new RelayProcesses();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private String database;
    private String url;
    private SingleConnectionDataSource dataSource;
    private Outbox outbox;
    private TransactionTemplate transactions;
    private String run;
    private TopicWatcher topic;

    @BeforeEach
    void freshServiceDatabase() {
        url = postgres.createDatabase("relay_failover");
        database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        dataSource = new SingleConnectionDataSource(url, postgres.user(), postgres.password(), true);
        PlatformMigrations.migrate(dataSource);
        outbox = TestOutboxes.jdbcOutbox(dataSource, TestSchemaRegistry.baseUrl());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        run = "failover-" + UUID.randomUUID() + ":";
        topic = new TopicWatcher(TOPIC, run);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        children.close();
        relays.forEach(OutboxRelay::stop);
        topic.close();
        dataSource.destroy();
        postgres.dropDatabase(database);
    }

    @Test
    void standbyTakesOverWithinTenSecondsOfTheLeaderProcessBeingKilledAndNothingIsLost() throws Exception {
        // Given a leader relay in its own process, streaming
        Process leader = children.start(url, "leader-" + UUID.randomUUID().toString().substring(0, 8));
        await().atMost(Duration.ofSeconds(30)).until(() -> leaderOf().filter(l -> l.startsWith("sellavie-relay leader-")).isPresent());
        publishAndAwait("warm-up");
        // ... and a second relay on the same database, which stands by
        OutboxRelay standby = relay("standby");
        await().atMost(Duration.ofSeconds(5)).until(() -> standby.state().role() == RelayState.Role.STANDBY);

        try (NumberedWriter writer = new NumberedWriter(outbox, transactions, run, WRITE_PAUSE_MILLIS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> topic.distinctKeys() >= 100);
            assertThat(standby.state().role()).isEqualTo(RelayState.Role.STANDBY);
            assertThat(standby.state().published()).isZero();

            // When the leader's process is killed in the middle of the stream
            int firstWrittenAfterKill = writer.written();
            long killedAt = System.nanoTime();
            RelayProcesses.kill(leader);

            // Then the standby streams the events written after the kill within the limit
            await().atMost(TAKEOVER_LIMIT.plusSeconds(5)).until(() -> topic.firstArrivalNanos(key(firstWrittenAfterKill + 1)) != null);
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() > firstWrittenAfterKill + 200);
            int total = writer.stop();

            // ... and every number arrives
            await().atMost(Duration.ofSeconds(30)).until(() -> missing(total).isEmpty());
            long firstArrivalAfterKill = IntStream.range(firstWrittenAfterKill, total)
                    .mapToLong(n -> topic.firstArrivalNanos(key(n))).min().orElseThrow();
            Duration gap = Duration.ofNanos(firstArrivalAfterKill - killedAt);
            assertThat(gap).isLessThan(TAKEOVER_LIMIT);
            assertThat(standby.state().role()).isEqualTo(RelayState.Role.LEADER);
            assertThat(standby.state().published()).isPositive();
            log.info("Takeover: {} events, first event written after the kill "
                    + "arrived {} ms after it", total, gap.toMillis());
        }
    }

    @Test
    void relayKilledMidStreamAndRestartedLosesNothingAndResumesFromItsStoredOffset() throws Exception {
        // Given a relay process streaming numbered events for a few offset flushes
        Process first = children.start(url, "first-" + UUID.randomUUID().toString().substring(0, 8));
        await().atMost(Duration.ofSeconds(30)).until(() -> leaderOf().isPresent());
        try (NumberedWriter writer = new NumberedWriter(outbox, transactions, run, WRITE_PAUSE_MILLIS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.distinctKeys() >= 250);
            // (its offset stored at least once: on a loaded machine 250 events can beat the first flush)
            await().atMost(Duration.ofSeconds(30)).until(this::offsetStored);

            // When it is killed mid-stream, events keep coming while no relay runs, then a relay starts again
            RelayProcesses.kill(first);
            int writtenAtKill = writer.written();
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() > writtenAtKill + 100);
            int total = writer.stop();
            OutboxRelay restarted = relay("restarted");

            // Then every number arrives (some twice, at least once)
            await().atMost(Duration.ofSeconds(30)).until(() -> missing(total).isEmpty());
            // ... and the restarted relay resumed from the stored offset, not from the start of the slot
            await().atMost(Duration.ofSeconds(5)).until(() -> restarted.state().published() >= total - writtenAtKill);
            assertThat(restarted.state().published()).isLessThan(total);
        }
    }

    @Test
    void leaderThatLosesItsLockConnectionStopsStreamingAndTheStandbyTakesOverWithoutLosingEvents() throws Exception {
        // Given two relays of one database in this JVM: a streaming leader and a standby
        OutboxRelay first = relay("first");
        await().atMost(Duration.ofSeconds(30)).until(() -> first.state().streaming());
        OutboxRelay second = relay("second");
        await().atMost(Duration.ofSeconds(5)).until(() -> second.state().role() == RelayState.Role.STANDBY);

        try (NumberedWriter writer = new NumberedWriter(outbox, transactions, run, WRITE_PAUSE_MILLIS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> topic.distinctKeys() >= 50);

            // When the leader's lock session ends (network cut, database restart, an operator)
            terminateSessionOf("sellavie-relay first");

            // Then it stops its engine, the standby (retrying while the slot is still held) streams instead
            await().atMost(Duration.ofSeconds(15)).until(() -> second.state().streaming()
                    && first.state().role() == RelayState.Role.STANDBY && !first.state().streaming());
            int writtenAtTakeover = writer.written();
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() > writtenAtTakeover + 100);
            int total = writer.stop();

            // ... and every number arrives
            await().atMost(Duration.ofSeconds(30)).until(() -> missing(total).isEmpty());
            assertThat(leaderOf()).contains("sellavie-relay second");
        }
    }

    @Test
    void relayRestartedAfterItsSlotWasDroppedStreamsAgain() {
        // Given a relay that drops its slot when stopped (as test contexts do when Spring pauses them)
        RelayProperties settings = new RelayProperties();
        settings.setInstanceId("paused");
        settings.setDropSlotOnStop(true);
        OutboxRelay relay = new OutboxRelay(RelayDatabase.of(url, postgres.user(), postgres.password()), settings,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
        relays.add(relay);
        relay.start();
        publishAndAwait("before-pause");
        relay.stop();

        // When it starts again: a new slot, and offsets stored for the old one
        relay.start();

        // Then it streams what is written from then on
        publishAndAwait("after-pause");
        assertThat(relay.state().lastError()).isNull();
    }

    private void terminateSessionOf(String applicationName) throws SQLException {
        try (Connection connection = postgres.connect(database);
                PreparedStatement terminate = connection.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            terminate.setString(1, applicationName);
            try (ResultSet result = terminate.executeQuery()) {
                assertThat(result.next()).as("a session named %s", applicationName).isTrue();
            }
        }
    }

    private OutboxRelay relay(String instanceId) {
        RelayProperties settings = new RelayProperties();
        settings.setInstanceId(instanceId);
        OutboxRelay relay = new OutboxRelay(RelayDatabase.of(url, postgres.user(), postgres.password()), settings,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
        relays.add(relay);
        relay.start();
        return relay;
    }

    private void publishAndAwait(String name) {
        transactions.executeWithoutResult(status -> outbox.publish(Events.inboundMessage(name), run + name));
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.firstArrivalNanos(run + name) != null);
    }

    private String key(int n) {
        return run + n;
    }

    private List<Integer> missing(int total) {
        return IntStream.range(0, total).filter(n -> topic.firstArrivalNanos(key(n)) == null).boxed().toList();
    }

    /** application_name of the session holding the relay lock of this database. */
    private Optional<String> leaderOf() throws SQLException {
        long key = new RelayProperties().getLockKey();
        try (Connection connection = postgres.connect(database);
                PreparedStatement query = connection.prepareStatement("""
                        SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                        WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()
                          AND l.classid::bigint = ? AND l.objid::bigint = ?""")) {
            query.setLong(1, key >>> 32);
            query.setLong(2, key & 0xffffffffL);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    /** Whether the relay has stored an offset (Debezium's JDBC offset store, {@code relay_offsets}). */
    private boolean offsetStored() {
        // Its own connection: the test's single-connection data source belongs to the writer thread.
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, postgres.user(),
                postgres.password());
                java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM relay_offsets")) {
            return rows.next() && rows.getInt(1) > 0;
        } catch (java.sql.SQLException tableNotCreatedYet) {
            return false;
        }
    }
}
