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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Production runs each service with three non-superuser roles: the owner migrates (and owns the
 * publication), the app role writes the outbox, and only the relay's role has REPLICATION, reading
 * nothing but the outbox and its own bookkeeping tables.
 */
class RelayPrivilegesTest {

    private final TestPostgres postgres = TestPostgres.get();
    private TestPostgres.ServiceDatabase database;

    @BeforeEach
    void serviceDatabaseWithItsThreeRoles() {
        database = postgres.createServiceDatabase("relay_privileges");
    }

    @AfterEach
    void dropDatabaseAndRoles() {
        postgres.dropDatabase(database.name());
    }

    @Test
    void ownerMigratesAppRoleWritesAndRelayRoleRelays() throws Exception {
        String run = "privileges-" + UUID.randomUUID() + ":";
        try (SingleConnectionDataSource owner = dataSource(database.owner());
                SingleConnectionDataSource app = dataSource(database.app());
                TopicWatcher topic = new TopicWatcher(Topics.of(InboundMessageReceived.class).name(), run)) {
            PlatformMigrations.migrate(owner);
            PlatformMigrations.grantToRelay(owner, database.relay().user());
            RelayProperties settings = new RelayProperties();
            settings.setDropSlotOnStop(true);
            OutboxRelay relay = new OutboxRelay(
                    RelayDatabase.of(database.jdbcUrl(), database.relay().user(), database.relay().password()), settings,
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
            relay.start();
            try {
                Outbox outbox = TestOutboxes.jdbcOutbox(app, TestSchemaRegistry.baseUrl());
                new TransactionTemplate(new DataSourceTransactionManager(app)).executeWithoutResult(
                        status -> outbox.publish(Events.inboundMessage("as-app"), run + "1"));

                await().atMost(Duration.ofSeconds(30)).until(() -> topic.firstArrivalNanos(run + "1") != null);
                assertThat(relay.state().role()).isEqualTo(RelayState.Role.LEADER);
            } finally {
                relay.stop();
            }
        }
    }

    @Test
    void relayRoleReadsNoServiceTable() throws Exception {
        try (SingleConnectionDataSource owner = dataSource(database.owner());
                SingleConnectionDataSource relay = dataSource(database.relay())) {
            PlatformMigrations.migrate(owner);
            PlatformMigrations.grantToRelay(owner, database.relay().user());
            new JdbcTemplate(owner).execute("CREATE TABLE customers (id int PRIMARY KEY, email text)");

            JdbcTemplate asRelay = new JdbcTemplate(relay);
            assertThat(asRelay.queryForObject("SELECT count(*) FROM outbox", Integer.class)).isZero();
            assertThatThrownBy(() -> asRelay.queryForList("SELECT email FROM customers"))
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> asRelay.update("DELETE FROM outbox"))
                    .rootCause().hasMessageContaining("permission denied");
        }
    }

    private SingleConnectionDataSource dataSource(TestPostgres.Credentials role) {
        return new SingleConnectionDataSource(database.jdbcUrl(), role.user(), role.password(), true);
    }
}
