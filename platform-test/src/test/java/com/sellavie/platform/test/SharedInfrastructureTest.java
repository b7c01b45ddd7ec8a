package com.sellavie.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SharedInfrastructureTest {

    @Test
    void postgresDecodesLogicalChangesInAFreshDatabase() throws Exception {
        TestPostgres pg = TestPostgres.get();
        String url = pg.createDatabase("infra_check");
        String db = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");

        try (Connection c = pg.connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW wal_level")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("logical");
        }
        pg.dropDatabase(db);
    }

    @Test
    void serviceDatabaseHasAnOwnerAnAppRoleThatOnlyUsesRowsAndARelayRoleThatStreams() throws Exception {
        TestPostgres pg = TestPostgres.get();
        TestPostgres.ServiceDatabase db = pg.createServiceDatabase("roles_check");
        try {
            try (Connection owner = connect(db, db.owner()); Statement s = owner.createStatement()) {
                s.execute("CREATE TABLE t (id serial PRIMARY KEY, body text)");
                s.execute("CREATE PUBLICATION p FOR TABLE t WITH (publish = 'insert')");
                assertThat(flags(s)).as("owner: superuser, replication, bypassrls, owns the database")
                        .containsExactly(false, false, false, true);
            }
            try (Connection app = connect(db, db.app()); Statement s = app.createStatement()) {
                // The owner's default privileges reach a table created after the grant, sequence included.
                s.execute("INSERT INTO t (body) VALUES ('row')");
                s.execute("UPDATE t SET body = 'changed'");
                s.execute("DELETE FROM t");
                assertThat(flags(s)).as("app: superuser, replication, bypassrls, owns the database")
                        .containsExactly(false, false, false, false);
                assertThatThrownBy(() -> s.execute("CREATE TABLE mine (id int)")).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("ALTER TABLE t DISABLE ROW LEVEL SECURITY"))
                        .hasMessageContaining("must be owner");
                assertThatThrownBy(() -> s.execute("SELECT pg_create_logical_replication_slot('app_slot', 'pgoutput')"))
                        .hasMessageContaining("replication");
            }
            try (Connection relay = connect(db, db.relay()); Statement s = relay.createStatement()) {
                assertThat(flags(s)).as("relay: superuser, replication, bypassrls, owns the database")
                        .containsExactly(false, true, false, false);
                s.execute("SELECT pg_create_logical_replication_slot('roles_check_slot', 'pgoutput')");
                s.execute("SELECT pg_drop_replication_slot('roles_check_slot')");
                assertThatThrownBy(() -> s.execute("SELECT * FROM t")).hasMessageContaining("permission denied");
            }
        } finally {
            pg.dropDatabase(db.name());
        }
    }

    private static Connection connect(TestPostgres.ServiceDatabase db, TestPostgres.Credentials role) throws Exception {
        return DriverManager.getConnection(db.jdbcUrl(), role.user(), role.password());
    }

    private static List<Boolean> flags(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT r.rolsuper, r.rolreplication, r.rolbypassrls, d.datdba = r.oid"
                + " FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()")) {
            rs.next();
            return List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4));
        }
    }

    @Test
    void kafkaBrokerDeliversAProducedRecord() throws Exception {
        String topic = "infra-check";
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", TestKafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "group.id", "infra-check",
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 20 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.iterator().next().value()).isEqualTo("hello");
        }
    }

    @Test
    void registryServesTheConfluentCompatibleApi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(TestSchemaRegistry.confluentApiUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void registryUrlIsThePortTheRegistryItselfBoundNotTheManagementOne() throws Exception {
        Path log = Files.createTempFile("registry", ".log");
        Files.writeString(log, "INFO [io.quarkus.bootstrap.runner.Timing] (main) apicurio-registry-app 3.3.3 on JVM "
                + "started in 4.757s. Listening on: http://127.0.0.1:36341. Management interface listening on "
                + "http://127.0.0.1:45931.\n");
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(TestSchemaRegistry.awaitListening(running, log)).isEqualTo("http://127.0.0.1:36341");
        } finally {
            running.destroyForcibly();
        }
    }

    @Test
    void registryThatDiesBeforeBindingFailsWithItsLog() throws Exception {
        Path log = Files.createTempFile("registry", ".log");
        Files.writeString(log, "ERROR Failed to start application: java.net.BindException: Address already in use\n");
        Process exited = new ProcessBuilder("false").start();
        exited.waitFor();

        assertThatThrownBy(() -> TestSchemaRegistry.awaitListening(exited, log))
                .hasMessageContaining("exited with 1 during start-up").hasMessageContaining(log.toString());
    }
}
