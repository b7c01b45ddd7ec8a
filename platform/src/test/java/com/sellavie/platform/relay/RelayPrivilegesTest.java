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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Production runs services as non-superuser roles: the outbox, its migration and the relay need none. */
class RelayPrivilegesTest {

    private final TestPostgres postgres = TestPostgres.get();
    private final String role = "svc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String password = UUID.randomUUID().toString();
    private String database;
    private String url;

    @BeforeEach
    void databaseOwnedByALoginReplicationRole() throws SQLException {
        url = postgres.createDatabase("relay_privileges");
        database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        superuser("CREATE ROLE " + role + " LOGIN REPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
        superuser("ALTER DATABASE " + database + " OWNER TO " + role);
        superuser("ALTER SCHEMA public OWNER TO " + role, database);
    }

    @AfterEach
    void dropDatabaseAndRole() throws SQLException {
        postgres.dropDatabase(database);
        superuser("DROP ROLE IF EXISTS " + role);
    }

    @Test
    void ownerRoleWithReplicationMigratesPublishesAndRelays() throws Exception {
        String run = "privileges-" + UUID.randomUUID() + ":";
        try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, role, password, true);
                TopicWatcher topic = new TopicWatcher(Topics.of(InboundMessageReceived.class).name(), run)) {
            PlatformMigrations.migrate(dataSource);
            RelayProperties settings = new RelayProperties();
            settings.setDropSlotOnStop(true);
            OutboxRelay relay = new OutboxRelay(RelayDatabase.of(url, role, password), settings,
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
            relay.start();
            try {
                Outbox outbox = TestOutboxes.jdbcOutbox(dataSource, TestSchemaRegistry.baseUrl());
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(
                        status -> outbox.publish(Events.inboundMessage("as-owner"), run + "1"));

                await().atMost(Duration.ofSeconds(30)).until(() -> topic.firstArrivalNanos(run + "1") != null);
                assertThat(relay.state().role()).isEqualTo(RelayState.Role.LEADER);
            } finally {
                relay.stop();
            }
        }
    }

    private void superuser(String sql) throws SQLException {
        superuser(sql, "postgres");
    }

    private void superuser(String sql, String db) throws SQLException {
        try (Connection connection = postgres.connect(db); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
