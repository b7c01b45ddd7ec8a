package com.sellavie.systemtests.containers;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * What a Sellavie service needs, from the images compose uses (infra/images, built locally and tagged with
 * the official names): PostgreSQL with {@code wal_level=logical} and compose's init scripts (every service
 * database with its owner, app and relay roles), Kafka in KRaft mode through {@code KafkaContainer}, the
 * Apicurio registry (in-memory: it is not under test here), and the one-shot topic provisioning image.
 */
final class ContainerInfrastructure implements AutoCloseable {

    static final String VERSION = System.getProperty("sellavie.image.version", "0.1.0");
    static final String KAFKA_IN_NETWORK = "kafka:19092";
    private static final Logger log = LoggerFactory.getLogger(ContainerInfrastructure.class);
    private static final String[] SERVICES = {"identity", "ingest", "conversation", "ai", "commerce", "notification"};

    final Network network = Network.newNetwork();
    final Map<String, String> passwords = new LinkedHashMap<>();
    final PostgreSQLContainer postgres;
    final KafkaContainer kafka;
    final GenericContainer<?> registry;

    ContainerInfrastructure(Path repositoryRoot) {
        for (String service : SERVICES) {
            for (String kind : new String[] {"OWNER", "APP", "RELAY"}) {
                passwords.put("SELLAVIE_" + service.toUpperCase() + "_DB_" + kind + "_PASSWORD", secret());
            }
        }
        passwords.put("SELLAVIE_REGISTRY_DB_PASSWORD", secret());
        postgres = new PostgreSQLContainer("postgres:15")
                .withNetwork(network).withNetworkAliases("postgres")
                .withDatabaseName("postgres").withUsername("postgres").withPassword(secret())
                .withEnv(passwords)
                .withCopyFileToContainer(MountableFile.forHostPath(repositoryRoot.resolve("infra/postgres")),
                        "/sellavie/postgres")
                .withCopyFileToContainer(MountableFile.forHostPath(repositoryRoot.resolve("infra/compose/initdb")),
                        "/docker-entrypoint-initdb.d")
                .withStartupTimeout(Duration.ofMinutes(3));
        // As compose: logical decoding for the relays (one slot and one walsender per service database).
        postgres.setCommand("postgres", "-c", "fsync=off", "-c", "wal_level=logical", "-c", "max_connections=200",
                "-c", "max_replication_slots=20", "-c", "max_wal_senders=20", "-c", "max_slot_wal_keep_size=1GB");
        kafka = new KafkaContainer("apache/kafka:4.1.2")
                .withNetwork(network).withNetworkAliases("kafka")
                .withListener(KAFKA_IN_NETWORK)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_HEAP_OPTS", "-Xmx384m -XX:+UseSerialGC")
                .withStartupTimeout(Duration.ofMinutes(3));
        registry = new GenericContainer<>("apicurio/apicurio-registry:3.3.3")
                .withNetwork(network).withNetworkAliases("registry")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/apis/registry/v3/system/info").forPort(8080)
                        .withStartupTimeout(Duration.ofMinutes(4)));
    }

    void start() {
        Startables.deepStart(postgres, kafka, registry).join();
        provisionTopics();
    }

    /** Compose's one-shot step: every topic of com.sellavie.schemas.Topics and its dead-letter topic. */
    private void provisionTopics() {
        try (GenericContainer<?> topics = new GenericContainer<>("sellavie/topics:" + VERSION)
                .withNetwork(network)
                .withEnv("KAFKA_BOOTSTRAP", KAFKA_IN_NETWORK)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(2)))
                .withLogConsumer(new Slf4jLogConsumer(log).withPrefix("topics"))) {
            topics.start();
        }
    }

    /** The environment of a service container that uses this infrastructure, as compose gives it. */
    Map<String, String> serviceEnvironment(String service) {
        String upper = service.toUpperCase();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SELLAVIE_DB_URL", "jdbc:postgresql://postgres:5432");
        env.put("SELLAVIE_KAFKA_BOOTSTRAP", KAFKA_IN_NETWORK);
        env.put("SELLAVIE_SCHEMA_REGISTRY_URL", "http://registry:8080");
        env.put("SELLAVIE_DB_USER", "sellavie_" + service + "_app");
        env.put("SELLAVIE_DB_PASSWORD", passwords.get("SELLAVIE_" + upper + "_DB_APP_PASSWORD"));
        env.put("SELLAVIE_DB_OWNER_USER", "sellavie_" + service + "_owner");
        env.put("SELLAVIE_DB_OWNER_PASSWORD", passwords.get("SELLAVIE_" + upper + "_DB_OWNER_PASSWORD"));
        env.put("SELLAVIE_DB_RELAY_USER", "sellavie_" + service + "_relay");
        env.put("SELLAVIE_DB_RELAY_PASSWORD", passwords.get("SELLAVIE_" + upper + "_DB_RELAY_PASSWORD"));
        env.put("SELLAVIE_INTERNAL_TOKEN", secret());
        env.put("SELLAVIE_OPS_TOKEN", secret());
        return env;
    }

    /** A JDBC connection to a service's database as the superuser, from the host (observation only). */
    Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + postgres.getHost() + ":"
                + postgres.getMappedPort(5432) + "/" + database + "?connectTimeout=5&socketTimeout=10",
                postgres.getUsername(), postgres.getPassword());
    }

    /** application_name of the session holding the relay's advisory lock on that database, or null. */
    String relayLockHolder(String database) {
        try (Connection connection = superuser(database); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                        WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()
                          AND a.application_name LIKE 'sellavie-relay %'""")) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            log.warn("Could not read the relay lock holder of {}: {}", database, e.getMessage());
            return null;
        }
    }

    String kafkaBootstrapFromHost() {
        return kafka.getBootstrapServers();
    }

    String registryUrlFromHost() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8080);
    }

    static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        registry.stop();
        kafka.stop();
        postgres.stop();
        network.close();
    }
}
