package com.sellavie.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void ownedDatabaseBelongsToANonSuperuserRoleThatCanStreamItsChanges() throws Exception {
        TestPostgres pg = TestPostgres.get();
        TestPostgres.OwnedDatabase db = pg.createOwnedDatabase("owned_check");

        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id int PRIMARY KEY)");
            s.execute("CREATE PUBLICATION p FOR TABLE t WITH (publish = 'insert')");
            try (ResultSet rs = s.executeQuery("SELECT r.rolsuper, r.rolreplication, r.rolbypassrls, d.datdba = r.oid"
                    + " FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("superuser").isFalse();
                assertThat(rs.getBoolean(2)).as("replication").isTrue();
                assertThat(rs.getBoolean(3)).as("bypasses row-level security").isFalse();
                assertThat(rs.getBoolean(4)).as("owns the database").isTrue();
            }
            s.execute("SELECT pg_create_logical_replication_slot('owned_check_slot', 'pgoutput')");
            s.execute("SELECT pg_drop_replication_slot('owned_check_slot')");
        }
        pg.dropDatabase(db.name());
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
}
