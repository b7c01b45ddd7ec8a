package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.migration.PlatformMigrations;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.outbox.TestOutboxes;
import com.sellavie.platform.test.TcpProxy;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leadership under network faults, with real sockets cut or blackholed by {@link TcpProxy}: a leader whose
 * database link vanishes without a reset (no session end PostgreSQL could notice) is replaced within 30 s
 * thanks to its lease; a leader that cannot reach Kafka steps down for a standby that can; a relay stops in
 * seconds even with Kafka unreachable. All as the non-superuser database owner services run as.
 */
class RelayLeaseTest {

    private static final Logger log = LoggerFactory.getLogger(RelayLeaseTest.class);
    private static final String TOPIC = Topics.of(InboundMessageReceived.class).name();
    private static final long WRITE_PAUSE_MILLIS = 20;
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    private final TestPostgres postgres = TestPostgres.get();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final List<TcpProxy> proxies = new ArrayList<>();
    private final RelayProcesses children = new RelayProcesses();
    private TestPostgres.ServiceDatabase database;
    private SingleConnectionDataSource dataSource;
    private Outbox outbox;
    private TransactionTemplate transactions;
    private String run;
    private TopicWatcher topic;

    @BeforeEach
    void freshServiceDatabase() {
        database = postgres.createServiceDatabase("relay_lease");
        // Migrated by the owner, written by the app role, relayed by the relay role, as in production.
        try (SingleConnectionDataSource owner = new SingleConnectionDataSource(database.jdbcUrl(),
                database.owner().user(), database.owner().password(), true)) {
            PlatformMigrations.migrate(owner);
            PlatformMigrations.grantToRelay(owner, database.relay().user());
        }
        dataSource = new SingleConnectionDataSource(database.jdbcUrl(), database.app().user(), database.app().password(),
                true);
        outbox = TestOutboxes.jdbcOutbox(dataSource, TestSchemaRegistry.baseUrl());
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        run = "lease-" + UUID.randomUUID() + ":";
        topic = new TopicWatcher(TOPIC, run);
    }

    @AfterEach
    void cleanUp() throws Exception {
        children.close();
        proxies.forEach(TcpProxy::restore);
        relays.forEach(OutboxRelay::stop);
        for (TcpProxy proxy : proxies) {
            proxy.close();
        }
        topic.close();
        dataSource.destroy();
        postgres.dropDatabase(database.name());
    }

    @Test
    void leaderWhoseDatabaseLinkIsBlackholedIsReplacedWithinThirtySecondsAndNothingIsLost() throws Exception {
        // Given a streaming leader whose every PostgreSQL connection passes through a proxy, and a standby
        URI direct = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        TcpProxy network = proxy(TcpProxy.to(direct.getHost(), direct.getPort()));
        String proxiedUrl = "jdbc:postgresql://" + network.address() + direct.getPath();
        // (in its own JVM, as another instance of the service would be: its stuck engine stays out of this one's way)
        children.start(proxiedUrl, database.relay().user(), database.relay().password(), TestKafka.bootstrapServers(), "leader");
        await().atMost(Duration.ofSeconds(30)).until(() -> "sellavie-relay leader".equals(lockHolder()));
        publishAndAwait("warm-up");
        SimpleMeterRegistry standbyMeters = new SimpleMeterRegistry();
        OutboxRelay standby = relay("standby", database.jdbcUrl(), TestKafka.bootstrapServers(), standbyMeters);
        await().atMost(Duration.ofSeconds(5)).until(() -> standby.state().role() == RelayState.Role.STANDBY);

        try (NumberedWriter writer = new NumberedWriter(outbox, transactions, run, WRITE_PAUSE_MILLIS)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> topic.distinctKeys() >= 51);

            // When the leader's network goes silent: no reset, its sessions stay open on the server
            int firstWrittenAfter = writer.written();
            long silencedAt = System.nanoTime();
            network.blackhole();

            // Then the standby ends the silent leader's sessions and streams, within 30 s
            await().atMost(TAKEOVER_LIMIT.plusSeconds(10))
                    .until(() -> topic.firstArrivalNanos(run + (firstWrittenAfter + 1)) != null);
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() > firstWrittenAfter + 100);
            int total = writer.stop();

            // ... and every number arrives
            await().atMost(Duration.ofSeconds(30)).until(() -> missing(total).isEmpty());
            long firstArrivalAfter = IntStream.range(firstWrittenAfter, total)
                    .mapToLong(n -> topic.firstArrivalNanos(run + n)).min().orElseThrow();
            Duration gap = Duration.ofNanos(firstArrivalAfter - silencedAt);
            log.info("Blackholed leader replaced: first event written after the partition arrived {} ms after it",
                    gap.toMillis());
            assertThat(gap).isLessThan(TAKEOVER_LIMIT);
            assertThat(standby.state().role()).isEqualTo(RelayState.Role.LEADER);
            assertThat(lockHolder()).isEqualTo("sellavie-relay standby");
            assertThat(standbyMeters.counter(RelayMetrics.TAKEOVERS, "slot", standby.slotName(), "reason", "lease-expired")
                    .count()).isEqualTo(1);
        }
    }

    @Test
    void leaderThatCannotReachKafkaStepsDownAndAStandbyThatCanDeliversEverything() throws Exception {
        // Given a leader whose Kafka is unreachable (its bootstrap goes through a cut link), and a standby with Kafka
        URI kafka = URI.create("kafka://" + TestKafka.bootstrapServers().split(",")[0]);
        TcpProxy kafkaLink = proxy(TcpProxy.to(kafka.getHost(), kafka.getPort()));
        kafkaLink.cut();
        SimpleMeterRegistry leaderMeters = new SimpleMeterRegistry();
        OutboxRelay leader = relay("cut-off", database.jdbcUrl(), kafkaLink.address(), leaderMeters);
        await().atMost(Duration.ofSeconds(10)).until(() -> leader.state().role() == RelayState.Role.LEADER);
        OutboxRelay standby = relay("reachable", database.jdbcUrl(), TestKafka.bootstrapServers(), new SimpleMeterRegistry());
        await().atMost(Duration.ofSeconds(5)).until(() -> standby.state().role() == RelayState.Role.STANDBY);

        // When events are written
        long writtenAt = System.nanoTime();
        int total;
        try (NumberedWriter writer = new NumberedWriter(outbox, transactions, run, WRITE_PAUSE_MILLIS)) {
            // Then the leader steps down after about 30 s without an acknowledgement, the standby takes over
            await().atMost(Duration.ofSeconds(50)).until(() -> standby.state().role() == RelayState.Role.LEADER
                    && standby.state().streaming());
            Duration stepDown = Duration.ofNanos(System.nanoTime() - writtenAt);
            log.info("Leader without Kafka stepped down; standby streaming {} ms after the first write", stepDown.toMillis());
            assertThat(stepDown).isLessThan(Duration.ofSeconds(45));
            assertThat(leader.state().role()).isEqualTo(RelayState.Role.STANDBY);
            int writtenAtTakeover = writer.written();
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.written() > writtenAtTakeover + 50);
            total = writer.stop();
        }

        // ... and every event arrives
        await().atMost(Duration.ofSeconds(30)).until(() -> missing(total).isEmpty());
        assertThat(leaderMeters.counter(RelayMetrics.STEP_DOWNS, "slot", leader.slotName(), "reason", "kafka-unreachable")
                .count()).isEqualTo(1);
    }

    @Test
    void relayStopsWithinSecondsWhileKafkaIsUnreachableAndTheNextLeaderDeliversWhatItHeld() throws Exception {
        // Given a streaming leader whose Kafka cannot be reached (its bootstrap goes through a cut link)...
        URI kafka = URI.create("kafka://" + TestKafka.bootstrapServers().split(",")[0]);
        TcpProxy kafkaLink = proxy(TcpProxy.to(kafka.getHost(), kafka.getPort()));
        kafkaLink.cut();
        OutboxRelay leader = relay("stopping", database.jdbcUrl(), kafkaLink.address(), new SimpleMeterRegistry());
        await().atMost(Duration.ofSeconds(30)).until(() -> leader.state().streaming());
        // ... and events it has read but cannot get acknowledged (its send waits for Kafka's metadata)
        for (int n = 0; n < 5; n++) {
            String key = run + n;
            transactions.executeWithoutResult(status -> outbox.publish(Events.inboundMessage(key), key));
        }
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> leader.state().published() == 0 && topic.distinctKeys() == 0);

        // When it is stopped (SIGTERM): seconds at most, not the 30 s an engine used to get
        long stopping = System.nanoTime();
        leader.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - stopping);
        log.info("Relay stopped in {} ms with Kafka unreachable", took.toMillis());
        assertThat(took).isLessThan(Duration.ofSeconds(7));

        // Then the next leader delivers the events the stopped one never got acknowledged
        relay("next", database.jdbcUrl(), TestKafka.bootstrapServers(), new SimpleMeterRegistry());
        await().atMost(Duration.ofSeconds(30)).until(() -> missing(5).isEmpty());
    }

    private void publishAndAwait(String name) {
        transactions.executeWithoutResult(status -> outbox.publish(Events.inboundMessage(name), run + name));
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.firstArrivalNanos(run + name) != null);
    }

    /** application_name of the session holding this database's relay lock, or null. */
    private String lockHolder() {
        long key = new RelayProperties().getLockKey();
        // As the relay's role: pg_stat_activity names only the sessions of one's own role.
        return new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.relay().user(),
                database.relay().password())).query("""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()
                  AND l.classid::bigint = ? AND l.objid::bigint = ?""",
                rs -> rs.next() ? rs.getString(1) : null, key >>> 32, key & 0xffffffffL);
    }

    private TcpProxy proxy(TcpProxy proxy) {
        proxies.add(proxy);
        return proxy;
    }

    private OutboxRelay relay(String instanceId, String url, String bootstrap, SimpleMeterRegistry meters) {
        RelayProperties settings = new RelayProperties();
        settings.setInstanceId(instanceId);
        OutboxRelay relay = new OutboxRelay(RelayDatabase.of(url, database.relay().user(), database.relay().password()), settings,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), meters);
        relays.add(relay);
        relay.start();
        return relay;
    }

    private List<Integer> missing(int total) {
        return IntStream.range(0, total).filter(n -> topic.firstArrivalNanos(run + n) == null).boxed().toList();
    }
}
