package com.sellavie.local;

import com.sellavie.local.jvm.RecordedAotCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Apicurio Registry 3 from its prebuilt distribution, as its own JVM, storing schemas in an H2
 * database file in the data folder (SQL storage), so registered schemas survive a restart. The
 * distribution keeps a management server on at build time: it is moved to its own port. Its AOT cache
 * ({@link RecordedAotCache}) is recorded by its first run.
 */
final class SchemaRegistry {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /** The registry's JVM options (part of its AOT cache's key). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** A recording registry writes its AOT cache when it exits: ~10 s alone, more with the stack stopping around it. */
    private static final Duration RECORDING_STOP_GRACE = Duration.ofMinutes(2);

    private final ManagedProcess process;
    private final String baseUrl;
    private final boolean recording;

    private SchemaRegistry(ManagedProcess process, String baseUrl, boolean recording) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.recording = recording;
    }

    /**
     * The registry's AOT cache in {@code jvmFolder/registry}, keyed on {@code quarkus-run.jar} and the jars its
     * manifest puts on the class path ({@code lib/boot/}); Quarkus loads the rest itself.
     */
    static RecordedAotCache aotCache(Installation installation, Path jvmFolder, boolean wanted, boolean record) {
        Path runJar = installation.registryRunJar();
        List<Path> classPath = new ArrayList<>();
        classPath.add(runJar);
        try (Stream<Path> boot = Files.list(runJar.resolveSibling("lib").resolve("boot"))) {
            boot.sorted().forEach(classPath::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the registry's lib/boot next to " + runJar, e);
        }
        return new RecordedAotCache(jvmFolder.resolve("registry"), classPath, JVM_OPTIONS, wanted, record);
    }

    static SchemaRegistry start(Installation installation, Path folder, Path logFile, int port, int managementPort,
            RecordedAotCache aotCache) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder, e);
        }
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaBinary());
        command.addAll(JVM_OPTIONS);
        command.addAll(aotCache.startOptions());
        command.addAll(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.enabled=false",
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dapicurio.storage.kind=sql",
                "-Dapicurio.storage.sql.kind=h2",
                "-Dapicurio.datasource.url=jdbc:h2:file:" + folder.resolve("registry").toAbsolutePath(),
                "-Dapicurio.datasource.username=sa",
                "-Dapicurio.datasource.password=sa",
                "-Dapicurio.datasource.jdbc.initial-size=2",
                "-Dapicurio.datasource.jdbc.min-size=2",
                "-Dapicurio.datasource.jdbc.max-size=10",
                "-Dapicurio.storage.snapshot.location=" + folder.toAbsolutePath(),
                "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.category.\"io.apicurio\".level=INFO",
                "-jar", installation.registryRunJar().toString()));
        ManagedProcess registry = ManagedProcess.start("schema registry", command, Map.of(), folder, logFile);
        String baseUrl = "http://localhost:" + port;
        try {
            Readiness.await("The schema registry", baseUrl + "/apis/registry/v3/system/info", registry::isAlive,
                    STARTUP_TIMEOUT, logFile.toString());
        } catch (IllegalStateException e) {
            registry.stop(Duration.ofSeconds(5));
            throw e;
        }
        return new SchemaRegistry(registry, baseUrl, aotCache.recording());
    }

    String baseUrl() {
        return baseUrl;
    }

    ManagedProcess process() {
        return process;
    }

    void stop() {
        process.stop(recording ? RECORDING_STOP_GRACE : STOP_GRACE);
    }
}
