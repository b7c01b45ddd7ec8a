package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's infrastructure for real, on random ports in a temporary data folder: PostgreSQL
 * with one non-superuser owner role per service database, the Kafka broker process and the
 * registry process with persistent storage; stopped without leaving a process behind.
 */
class LocalInfrastructureTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SUBJECT = "launcher-test-value";
    private static final String KAFKA_CLASS = "kafka.server.BrokerServer";
    private static final String REGISTRY_CLASS = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";

    private DataFolder data;

    @BeforeEach
    void createDataFolder() throws Exception {
        // Reachable by 'nobody' (PostgreSQL's user when tests run as root), unlike @TempDir.
        Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "sellavie-local-test"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx--x--x"));
        data = new DataFolder(Files.createTempDirectory(base, "data-")).create();
    }

    @AfterEach
    void deleteDataFolder() throws Exception {
        try (Stream<Path> files = Files.walk(data.root())) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void infrastructureIsUsableStopsWithoutOrphansAndKeepsItsDataAcrossRestarts() throws Exception {
        Installation installation = Installation.locate();
        LocalSecrets secrets = new LocalSecrets(data.secrets(), Map.of());
        InfrastructurePorts ports = randomPorts();

        List<ProcessHandle> firstRun;
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(installation, data, secrets, ports,
                Map.of())) {
            assertServiceRoleConnectsAndIsNotSuperuser(infrastructure, "sellavie_conversation");
            assertRoundTripThroughKafka(infrastructure.kafkaBootstrap());
            assertStatusReportsConsumerLag(infrastructure.kafkaBootstrap());
            assertCompactedTopicsAreCompacted(infrastructure.kafkaBootstrap());
            registerSchema(infrastructure.registryUrl());
            assertThat(subjects(infrastructure.registryUrl())).contains(SUBJECT);
            assertThat(loadedFromAotCache(infrastructure.kafka().orElseThrow().process(), KAFKA_CLASS))
                    .as("the first run records the broker's cache").isFalse();
            firstRun = processesOf(infrastructure);
        }
        assertAllStopped(firstRun);
        assertThat(Files.readString(data.postgres().resolve("data/PG_VERSION")).strip())
                .as("the major version the launcher checks a data folder against is the binaries' own")
                .isEqualTo(EmbeddedDatabase.binariesMajorVersion());
        assertThat(data.jvm().resolve("kafka/app.aot")).as("written when the broker stopped").isNotEmptyFile();
        assertThat(data.jvm().resolve("registry/app.aot")).as("written when the registry stopped").isNotEmptyFile();

        try (LocalInfrastructure again = LocalInfrastructure.start(installation, data, secrets, ports, Map.of())) {
            assertThat(subjects(again.registryUrl())).as("registry storage persisted").contains(SUBJECT);
            assertServiceRoleConnectsAndIsNotSuperuser(again, "sellavie_identity");
            assertThat(again.credentials()).containsOnlyKeys(ServiceDatabases.NAMES);
            assertThat(loadedFromAotCache(again.kafka().orElseThrow().process(), KAFKA_CLASS))
                    .as("the broker starts with the cache the first run recorded").isTrue();
            assertThat(loadedFromAotCache(again.registry().orElseThrow().process(), REGISTRY_CLASS))
                    .as("the registry starts with the cache the first run recorded").isTrue();
            firstRun = processesOf(again);
        }
        assertAllStopped(firstRun);
    }

    private static void assertServiceRoleConnectsAndIsNotSuperuser(LocalInfrastructure infrastructure, String db)
            throws Exception {
        ServiceDatabases.Credentials roles = infrastructure.credentials().get(db);
        Map<String, String> env = infrastructure.serviceEnvironment(db);
        String url = env.get("SELLAVIE_DB_URL") + "/" + db;
        assertThat(env).containsEntry("SELLAVIE_DB_USER", db + "_app").containsEntry("SELLAVIE_DB_OWNER_USER", db + "_owner")
                .containsEntry("SELLAVIE_DB_RELAY_USER", db + "_relay");
        assertThat(roles.app().user()).isEqualTo(db + "_app");
        // The owner owns schema public, so its migrations can create tables; the app role then uses their rows.
        try (Connection owner = DriverManager.getConnection(url, env.get("SELLAVIE_DB_OWNER_USER"),
                env.get("SELLAVIE_DB_OWNER_PASSWORD"))) {
            owner.createStatement().execute("CREATE TABLE IF NOT EXISTS probe (id int)");
        }
        try (Connection app = DriverManager.getConnection(url, env.get("SELLAVIE_DB_USER"), env.get("SELLAVIE_DB_PASSWORD"))) {
            assertThat(flags(app)).as("app: superuser, bypassrls, replication").containsExactly(false, false, false);
            app.createStatement().execute("INSERT INTO probe VALUES (1)");
            assertThatThrownBy(() -> app.createStatement().execute("CREATE TABLE app_probe (id int)"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection relay = DriverManager.getConnection(url, env.get("SELLAVIE_DB_RELAY_USER"),
                env.get("SELLAVIE_DB_RELAY_PASSWORD"))) {
            assertThat(flags(relay)).as("relay: superuser, bypassrls, replication").containsExactly(false, false, true);
            try (ResultSet wal = relay.createStatement().executeQuery("SELECT current_setting('wal_level')")) {
                wal.next();
                assertThat(wal.getString(1)).isEqualTo("logical");
            }
        }
    }

    private static List<Boolean> flags(Connection connection) throws Exception {
        try (ResultSet role = connection.createStatement().executeQuery(
                "SELECT rolsuper, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = current_user")) {
            assertThat(role.next()).isTrue();
            return List.of(role.getBoolean(1), role.getBoolean(2), role.getBoolean(3));
        }
    }

    /** ./sellavie status's lag: the round trip's group committed 1 of 3 records, so 2 are behind. */
    private static void assertStatusReportsConsumerLag(String bootstrap) throws Exception {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("conversation.messages", "key-1", "later 1")).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("conversation.messages", "key-1", "later 2")).get(30, TimeUnit.SECONDS);
        }

        assertThat(StackStatus.consumerLag(bootstrap)).containsEntry("launcher-test", 2L);
    }

    private static void assertRoundTripThroughKafka(String bootstrap) {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("conversation.messages", "key-1", "hello")).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("produce failed", e);
        }
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "launcher-test");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("conversation.messages"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        assertThat(values).containsExactly("hello");
    }

    private static void assertCompactedTopicsAreCompacted(String bootstrap) throws Exception {
        try (Admin admin = KafkaBroker.admin(bootstrap)) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).contains("conversation.channels", "conversation.channels.dlt", "ingest.inbound-messages");
            assertThat(admin.describeTopics(List.of("ingest.inbound-messages")).allTopicNames().get()
                    .get("ingest.inbound-messages").partitions()).hasSize(EventTopics.PARTITIONS);
            ConfigResource channels = new ConfigResource(ConfigResource.Type.TOPIC, "conversation.channels");
            ConfigEntry policy = admin.describeConfigs(List.of(channels)).all().get().get(channels).get("cleanup.policy");
            boolean compacted = com.sellavie.schemas.Topics.CONVERSATION_CHANNELS.compacted();
            assertThat(policy.value()).isEqualTo(compacted ? "compact" : "delete");
        }
    }

    private static void registerSchema(String registryUrl) throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"com.sellavie.test\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";
        String body = "{\"schema\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(schema) + "}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(registryUrl + "/apis/ccompat/v7/subjects/" + SUBJECT + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String subjects(String registryUrl) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(registryUrl + "/apis/ccompat/v7/subjects")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Whether the JVM loaded {@code className} from its AOT cache: jcmd's VM.classes flags such a class S (shared). */
    private static boolean loadedFromAotCache(ManagedProcess process, String className) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.handle().pid()), "VM.classes").redirectErrorStream(true).start();
        String classes = new String(jcmd.getInputStream().readAllBytes());
        assertThat(jcmd.waitFor()).as(classes).isZero();
        String line = classes.lines().filter(l -> l.strip().endsWith(" " + className)).findFirst()
                .orElseThrow(() -> new AssertionError(className + " not loaded in " + process.name()));
        // KlassAddr Size State Flags ClassName
        return line.strip().split("\\s+")[3].contains("S");
    }

    /** Every process the infrastructure runs: children of this JVM and the postmaster (pg_ctl detaches it). */
    private List<ProcessHandle> processesOf(LocalInfrastructure infrastructure) throws Exception {
        List<ProcessHandle> processes = new ArrayList<>(ProcessHandle.current().descendants().toList());
        infrastructure.kafka().ifPresent(k -> assertThat(k.process().isAlive()).isTrue());
        infrastructure.registry().ifPresent(r -> assertThat(r.process().isAlive()).isTrue());
        String postmaster = Files.readAllLines(data.postgres().resolve("data").resolve("postmaster.pid")).get(0).strip();
        ProcessHandle.of(Long.parseLong(postmaster)).ifPresent(processes::add);
        assertThat(processes).hasSizeGreaterThanOrEqualTo(3);
        return processes;
    }

    private static void assertAllStopped(List<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> process).join();
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    private static InfrastructurePorts randomPorts() throws Exception {
        int[] ports = new int[7];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return new InfrastructurePorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
    }
}
