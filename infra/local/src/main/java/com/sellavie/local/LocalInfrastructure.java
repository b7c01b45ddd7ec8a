package com.sellavie.local;

import com.sellavie.local.jvm.RecordedAotCache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, Kafka and the schema registry, each started here unless its environment variable
 * names an external one ({@code SELLAVIE_DB_URL}, {@code SELLAVIE_KAFKA_BOOTSTRAP},
 * {@code SELLAVIE_SCHEMA_REGISTRY_URL}): PostgreSQL first, then Kafka and the registry together. Stopped in the
 * reverse order. Kafka and the registry start with their AOT caches, or record them in a first run and write them
 * when they stop ({@link RecordedAotCache}, {@code SELLAVIE_AOT_CACHE} as for the services).
 */
final class LocalInfrastructure implements AutoCloseable {

    private static final Logger console = LoggerFactory.getLogger("sellavie");

    private final Map<String, String> environment;
    private final ServiceJvm.CacheMode cacheMode;
    private EmbeddedDatabase database;
    private Map<String, ServiceDatabases.Credentials> credentials = Map.of();
    // Set by the starting threads, read after they are joined (or by close() on Ctrl-C): volatile.
    private volatile KafkaBroker kafka;
    private volatile SchemaRegistry registry;
    private String databaseUrl;
    private volatile String kafkaBootstrap;
    private volatile String registryUrl;
    private volatile RecordedAotCache kafkaCache;
    private volatile RecordedAotCache registryCache;

    private LocalInfrastructure(Map<String, String> environment) {
        this.environment = environment;
        this.cacheMode = ServiceJvm.CacheMode.of(environment.get("SELLAVIE_AOT_CACHE"));
    }

    static LocalInfrastructure start(Installation installation, DataFolder data, LocalSecrets secrets,
            InfrastructurePorts ports, Map<String, String> environment) {
        LocalInfrastructure infrastructure = new LocalInfrastructure(environment);
        try {
            infrastructure.startAll(installation, data, secrets, ports);
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    private void startAll(Installation installation, DataFolder data, LocalSecrets secrets, InfrastructurePorts ports) {
        Optional<String> externalDb = external("SELLAVIE_DB_URL");
        if (externalDb.isPresent()) {
            databaseUrl = externalDb.get();
            console.info("  postgresql      external ({})", databaseUrl);
        } else {
            long started = System.nanoTime();
            database = EmbeddedDatabase.start(data.postgres(), ports.postgres());
            credentials = ServiceDatabases.ensure(database, secrets);
            databaseUrl = database.serverUrl();
            console.info("  postgresql      ready in {} on port {} (one database and owner, app and relay roles per service)",
                    Elapsed.since(started), ports.postgres());
        }
        // Kafka and the registry (its schemas in its own H2 file) need nothing of each other: started together,
        // each a JVM of its own, so neither waits for the other's start (docs/benchmarks.md "Local stack start-up").
        try (ExecutorService starting = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> kafkaStarted = starting.submit(() -> startKafka(installation, data, ports));
            Future<?> registryStarted = starting.submit(() -> startRegistry(installation, data, ports));
            StartFailures.throwFirst(List.of(kafkaStarted, registryStarted), "Kafka and the registry");
        }
    }

    private void startKafka(Installation installation, DataFolder data, InfrastructurePorts ports) {
        Optional<String> externalKafka = external("SELLAVIE_KAFKA_BOOTSTRAP");
        if (externalKafka.isPresent()) {
            kafkaBootstrap = externalKafka.get();
            console.info("  kafka           external ({})", kafkaBootstrap);
            return;
        }
        long started = System.nanoTime();
        kafkaCache = KafkaBroker.aotCache(installation, data.jvm(), cacheMode != ServiceJvm.CacheMode.OFF,
                cacheMode == ServiceJvm.CacheMode.RECORD);
        kafka = KafkaBroker.start(installation, data.kafka(), data.logs().resolve("kafka.log"), ports.kafka(),
                ports.kafkaController(), kafkaCache);
        kafkaBootstrap = kafka.bootstrapServers();
        int created = EventTopics.ensure(kafkaBootstrap);
        console.info("  kafka           ready in {} on port {} ({} topics created){}", Elapsed.since(started),
                ports.kafka(), created, recordingNote(kafkaCache));
    }

    private void startRegistry(Installation installation, DataFolder data, InfrastructurePorts ports) {
        Optional<String> externalRegistry = external("SELLAVIE_SCHEMA_REGISTRY_URL");
        if (externalRegistry.isPresent()) {
            registryUrl = externalRegistry.get();
            console.info("  schema registry external ({})", registryUrl);
            return;
        }
        long started = System.nanoTime();
        registryCache = SchemaRegistry.aotCache(installation, data.jvm(), cacheMode != ServiceJvm.CacheMode.OFF,
                cacheMode == ServiceJvm.CacheMode.RECORD);
        registry = SchemaRegistry.start(installation, data.registry(), data.logs().resolve("registry.log"),
                ports.registry(), ports.registryManagement(), registryCache);
        registryUrl = registry.baseUrl();
        console.info("  schema registry ready in {} on port {}{}", Elapsed.since(started), ports.registry(),
                recordingNote(registryCache));
    }

    private static String recordingNote(RecordedAotCache cache) {
        return cache.recording() ? ", recording its AOT cache until it stops" : "";
    }

    private Optional<String> external(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    /** Environment for a service using database {@code sellavie_<x>} (null: none). */
    Map<String, String> serviceEnvironment(String databaseName) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SELLAVIE_DB_URL", databaseUrl);
        env.put("SELLAVIE_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("SELLAVIE_SCHEMA_REGISTRY_URL", registryUrl);
        ServiceDatabases.Credentials roles = databaseName == null ? null : credentials.get(databaseName);
        if (roles != null) {
            env.put("SELLAVIE_DB_USER", roles.app().user());
            env.put("SELLAVIE_DB_PASSWORD", roles.app().password());
            env.put("SELLAVIE_DB_OWNER_USER", roles.owner().user());
            env.put("SELLAVIE_DB_OWNER_PASSWORD", roles.owner().password());
            env.put("SELLAVIE_DB_RELAY_USER", roles.relay().user());
            env.put("SELLAVIE_DB_RELAY_PASSWORD", roles.relay().password());
        }
        return env;
    }

    Optional<EmbeddedDatabase> database() {
        return Optional.ofNullable(database);
    }

    Map<String, ServiceDatabases.Credentials> credentials() {
        return credentials;
    }

    Optional<KafkaBroker> kafka() {
        return Optional.ofNullable(kafka);
    }

    Optional<SchemaRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    String registryUrl() {
        return registryUrl;
    }

    private void adopt(String name, RecordedAotCache cache) {
        if (!cache.recording()) {
            return;
        }
        if (cache.adoptRecording()) {
            console.info("  {} AOT cache recorded, used from the next start", name);
        } else {
            console.warn("  {} wrote no AOT cache when it stopped (its log in the data folder's logs/ says why);"
                    + " the next start records again", name);
        }
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.stop();
            registry = null;
            adopt("schema registry", registryCache);
        }
        if (kafka != null) {
            kafka.stop();
            kafka = null;
            adopt("kafka", kafkaCache);
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
