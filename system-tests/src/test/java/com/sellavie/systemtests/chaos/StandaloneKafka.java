package com.sellavie.systemtests.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A real single-node KRaft broker as its own JVM (Kafka's jars are on this JVM's class path through
 * spring-kafka-test), with its log directory on disk, so it can be stopped for a while and started
 * again with every record it had.
 */
final class StandaloneKafka implements AutoCloseable {

    private final InfrastructureProcess process;
    private final String bootstrap;

    private StandaloneKafka(InfrastructureProcess process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    static StandaloneKafka start(Path folder) {
        int port = InfrastructureProcess.freePort();
        int controllerPort = InfrastructureProcess.freePort();
        try {
            Files.createDirectories(folder);
            Path config = folder.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
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
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
            String classpath = System.getProperty("java.class.path");
            Path log = folder.resolve("kafka.log");
            Process format = new ProcessBuilder(InfrastructureProcess.javaBinary(), "-cp", classpath,
                    "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Could not format the Kafka storage; see " + log);
            }
            InfrastructureProcess broker = new InfrastructureProcess("kafka", List.of(InfrastructureProcess.javaBinary(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath, "kafka.Kafka", config.toString()), log);
            StandaloneKafka kafka = new StandaloneKafka(broker, "127.0.0.1:" + port);
            kafka.startAgain();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return bootstrap;
    }

    /** Starts the stopped broker on the same ports and log directory and waits until it answers. */
    void startAgain() {
        process.start();
        Awaitility.await("Kafka broker at " + bootstrap).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Kafka broker exited; see " + process.logFile());
                    }
                    try (Admin admin = admin()) {
                        return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
                    }
                });
    }

    /** SIGTERM (a controlled shutdown), as an operator stopping the broker. */
    void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
