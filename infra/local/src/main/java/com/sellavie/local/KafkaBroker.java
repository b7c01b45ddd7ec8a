package com.sellavie.local;

import com.sellavie.local.jvm.RecordedAotCache;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from
 * the {@code kafka_2.13} jars as its own JVM, its log directory kept in the data folder, with an AOT cache
 * ({@link RecordedAotCache}) recorded by its first run.
 */
final class KafkaBroker {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** The broker's JVM options (part of its AOT cache's key). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** A recording broker writes its AOT cache when it exits: ~10 s alone, more with the stack stopping around it. */
    private static final Duration RECORDING_STOP_GRACE = Duration.ofMinutes(2);

    private final ManagedProcess process;
    private final String bootstrapServers;
    private final boolean recording;

    private KafkaBroker(ManagedProcess process, String bootstrapServers, boolean recording) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.recording = recording;
    }

    /** The broker's AOT cache in {@code jvmFolder/kafka}. */
    static RecordedAotCache aotCache(Installation installation, Path jvmFolder, boolean wanted, boolean record) {
        List<Path> classPath = Arrays.stream(installation.brokerClasspath().split(File.pathSeparator)).map(Path::of)
                .toList();
        return new RecordedAotCache(jvmFolder.resolve("kafka"), classPath, JVM_OPTIONS, wanted, record);
    }

    static KafkaBroker start(Installation installation, Path folder, Path logFile, int port, int controllerPort,
            RecordedAotCache aotCache) {
        try {
            Files.createDirectories(folder);
            Path config = writeServerProperties(folder, port, controllerPort);
            Path logging = writeLoggingConfig(folder);
            String classpath = installation.brokerClasspath();
            Path logDir = folder.resolve("data");
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                String clusterId = SecretFile.readOrCreate(folder.resolve("cluster-id"), () -> Uuid.randomUuid().toString());
                format(classpath, logging, config, clusterId, folder, logFile);
            }
            List<String> command = new ArrayList<>();
            command.add(ManagedProcess.javaBinary());
            command.addAll(JVM_OPTIONS);
            command.addAll(aotCache.startOptions());
            command.addAll(List.of("-Dlogback.configurationFile=" + logging, "-cp", classpath, "kafka.Kafka",
                    config.toString()));
            ManagedProcess broker = ManagedProcess.start("kafka", command, Map.of(), folder, logFile);
            String bootstrap = "localhost:" + port;
            awaitBroker(broker, bootstrap);
            return new KafkaBroker(broker, bootstrap, aotCache.recording());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka broker in " + folder, e);
        }
    }

    private static void format(String classpath, Path logging, Path config, String clusterId, Path folder,
            Path logFile) {
        ManagedProcess format = ManagedProcess.start("kafka-storage-format", List.of(ManagedProcess.javaBinary(),
                "-Dlogback.configurationFile=" + logging, "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", config.toString()), Map.of(), folder,
                logFile.resolveSibling("kafka-format.log"));
        try {
            if (!format.handle().onExit().get(60, TimeUnit.SECONDS).isAlive() && format.exitValue() == 0) {
                return;
            }
        } catch (Exception e) {
            format.stop(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("Could not format the Kafka storage; see " + format.logFile());
    }

    static Path writeServerProperties(Path folder, int port, int controllerPort) throws IOException {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + folder.resolve("data"),
                "num.partitions=12",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=12",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=12",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
        Path file = folder.resolve("server.properties");
        Files.writeString(file, properties);
        return file;
    }

    private static Path writeLoggingConfig(Path folder) throws IOException {
        Path file = folder.resolve("logback.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="kafka" level="INFO"/>
                  <logger name="org.apache.kafka" level="WARN"/>
                  <logger name="kafka.log" level="WARN"/>
                  <logger name="state.change.logger" level="WARN"/>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        return file;
    }

    private static void awaitBroker(ManagedProcess broker, String bootstrap) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited during start-up; see " + broker.logFile());
            }
            try (Admin admin = admin(bootstrap)) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                Readiness.pause(Duration.ofMillis(300));
            }
        }
        broker.stop(Duration.ofSeconds(5));
        throw new IllegalStateException("The Kafka broker was not ready within " + STARTUP_TIMEOUT.toSeconds()
                + " s; see " + broker.logFile());
    }

    static Admin admin(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return Admin.create(config);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    ManagedProcess process() {
        return process;
    }

    void stop() {
        process.stop(recording ? RECORDING_STOP_GRACE : STOP_GRACE);
    }
}
