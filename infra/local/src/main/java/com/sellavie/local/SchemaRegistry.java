package com.sellavie.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3 from its prebuilt distribution, as its own JVM, storing schemas in an H2
 * database file in the data folder (SQL storage), so registered schemas survive a restart. The
 * distribution keeps a management server on at build time: it is moved to its own port.
 */
final class SchemaRegistry {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final ManagedProcess process;
    private final String baseUrl;

    private SchemaRegistry(ManagedProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static SchemaRegistry start(Installation installation, Path folder, Path logFile, int port, int managementPort) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + folder, e);
        }
        ManagedProcess registry = ManagedProcess.start("schema registry", List.of(ManagedProcess.javaBinary(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
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
                "-jar", installation.registryRunJar().toString()),
                Map.of(), folder, logFile);
        String baseUrl = "http://localhost:" + port;
        try {
            Readiness.await("The schema registry", baseUrl + "/apis/registry/v3/system/info", registry::isAlive,
                    STARTUP_TIMEOUT, logFile.toString());
        } catch (IllegalStateException e) {
            registry.stop(Duration.ofSeconds(5));
            throw e;
        }
        return new SchemaRegistry(registry, baseUrl);
    }

    String baseUrl() {
        return baseUrl;
    }

    ManagedProcess process() {
        return process;
    }

    void stop() {
        process.stop(Duration.ofSeconds(20));
    }
}
