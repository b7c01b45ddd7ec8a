package com.sellavie.systemtests.chaos;

import com.sellavie.platform.test.TestSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Apicurio Registry from its prebuilt distribution with SQL storage in an H2 file, as production runs
 * it with persistent storage: stopped and started again, it still serves every schema id it gave out.
 */
final class PersistentRegistry implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final InfrastructureProcess process;
    private final String baseUrl;

    private PersistentRegistry(InfrastructureProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static PersistentRegistry start(Path folder) {
        int port = InfrastructureProcess.freePort();
        InfrastructureProcess registry = new InfrastructureProcess("schema registry", List.of(
                InfrastructureProcess.javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.enabled=false",
                "-Dquarkus.management.port=" + InfrastructureProcess.freePort(),
                "-Dquarkus.management.host=127.0.0.1",
                "-Dapicurio.storage.kind=sql",
                "-Dapicurio.storage.sql.kind=h2",
                "-Dapicurio.datasource.url=jdbc:h2:file:" + folder.resolve("registry").toAbsolutePath(),
                "-Dapicurio.datasource.username=sa",
                "-Dapicurio.datasource.password=sa",
                "-Dquarkus.log.level=WARN",
                "-jar", TestSchemaRegistry.unpackedRunJar().toString()),
                folder.resolve("registry.log"));
        PersistentRegistry started = new PersistentRegistry(registry, "http://127.0.0.1:" + port);
        folder.toFile().mkdirs();
        started.startAgain();
        return started;
    }

    String baseUrl() {
        return baseUrl;
    }

    void startAgain() {
        process.start();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + "/apis/registry/v3/system/info"))
                .timeout(Duration.ofSeconds(2)).build();
        Awaitility.await("schema registry at " + baseUrl).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("registry exited; see " + process.logFile());
                    }
                    return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        stop();
    }
}
