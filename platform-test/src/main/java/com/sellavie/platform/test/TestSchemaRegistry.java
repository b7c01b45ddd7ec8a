package com.sellavie.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry 3.x (in-memory storage), one process per test JVM, started from the
 * prebuilt distribution Maven resolved (its path arrives as the {@code sellavie.apicurio.dist}
 * system property). {@code SELLAVIE_TEST_SCHEMA_REGISTRY_URL} points tests at an external one instead.
 */
public final class TestSchemaRegistry {

    private static final Logger log = LoggerFactory.getLogger(TestSchemaRegistry.class);
    // Ready in ~4 s on a quiet machine; 90 s ran out at a load average of 100 (2 cores shared by several builds),
    // and every test class sharing that JVM's contexts then failed with it.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);
    // The start-up line comes from io.quarkus.bootstrap.runner.Timing, but only a level set on "io.quarkus"
    // lets it through (tried: the full category name and io.quarkus.bootstrap do not).
    private static final String STARTED_LOGGER = "io.quarkus";
    /** e.g. "... started in 4.757s. Listening on: http://127.0.0.1:36341. Management interface listening on ..." */
    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://127\\.0\\.0\\.1:\\d+)");
    private static volatile String baseUrl;
    private static volatile boolean stopping;

    private TestSchemaRegistry() {
    }

    /** Base URL of the registry, e.g. {@code http://localhost:41234}. */
    public static String baseUrl() {
        if (baseUrl == null) {
            synchronized (TestSchemaRegistry.class) {
                if (baseUrl == null) {
                    String external = System.getenv("SELLAVIE_TEST_SCHEMA_REGISTRY_URL");
                    baseUrl = external != null && !external.isBlank() ? external : start();
                }
            }
        }
        return baseUrl;
    }

    /** The Apicurio v3 API, as the serde wants it. */
    public static String apicurioApiUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    /** The Confluent-compatible API, as analysts' tools want it. */
    public static String confluentApiUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    private static String start() {
        Path runJar = unpackedRunJar();
        Path logFile = uniqueLogFile();
        try {
            Files.createDirectories(logFile.getParent());
            // Port 0 on both listeners: the registry binds what the kernel hands it and logs it. A port
            // picked here and bound later by the child can be taken in between by another test JVM (a
            // proxy, a broker, another registry's management interface), and this JVM's tests then
            // talk to that process instead (a CI run's platform tests got Quarkus' HTML 404s at their registry URL).
            Process process = new ProcessBuilder(List.of(
                    javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dquarkus.http.port=0",
                    "-Dquarkus.http.host=127.0.0.1",
                    // The prebuilt app fixes management on at build time (port 9000 by default).
                    "-Dquarkus.management.port=0",
                    "-Dquarkus.management.host=127.0.0.1",
                    "-Dapicurio.rest.deletion.artifact.enabled=true",
                    "-Dapicurio.rest.deletion.artifact-version.enabled=true",
                    "-Dapicurio.rest.deletion.group.enabled=true",
                    "-Dquarkus.log.level=WARN",
                    // keeps the start-up line that names the ports it bound
                    "-Dquarkus.log.category.\"" + STARTED_LOGGER + "\".level=INFO",
                    "-jar", runJar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping = true;
                stop(process);
            }, "test-registry-shutdown"));
            String url = awaitListening(process, logFile);
            awaitReady(url, process, logFile);
            process.onExit().thenAccept(exited -> {
                if (!stopping) {
                    log.error("Apicurio Registry at {} exited with {} while tests use it (log: {})",
                            url, exited.exitValue(), logFile);
                }
            });
            log.info("Apicurio Registry started at {} (log: {})", url, logFile);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Apicurio Registry", e);
        }
    }

    private static Path uniqueLogFile() {
        return Path.of("target", "apicurio-registry-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".log")
                .toAbsolutePath();
    }

    /** The registry's own URL, read from the start-up line in which Quarkus names the port it bound. */
    static String awaitListening(Process process, Path logFile) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Matcher listening = LISTENING.matcher(Files.readString(logFile));
            if (listening.find()) {
                return listening.group(1);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue()
                        + " during start-up; see " + logFile);
            }
            pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException("Apicurio Registry did not bind a port within " + STARTUP_TIMEOUT
                + "; see " + logFile);
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitReady(String url, Process process, Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/apis/registry/v3/system/info"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with " + process.exitValue()
                        + " during start-up; see " + logFile);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException("Apicurio Registry not ready within " + STARTUP_TIMEOUT + "; see " + logFile);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unpacks the distribution once per machine (guarded by a file lock, so parallel JVMs agree). */
    public static Path unpackedRunJar() {
        String dist = System.getProperty("sellavie.apicurio.dist");
        if (dist == null || dist.isBlank() || dist.startsWith("${")) {
            throw new IllegalStateException("sellavie.apicurio.dist is not set: run tests through Maven, whose "
                    + "dependency:properties goal names the apicurio-registry-app tarball");
        }
        Path tarball = Path.of(dist);
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "sellavie-apicurio",
                tarball.getFileName().toString().replace(".tar.gz", ""));
        try {
            Files.createDirectories(target);
            try (FileChannel channel = FileChannel.open(target.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                Path done = target.resolve(".unpacked");
                if (!Files.exists(done)) {
                    Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", target.toString())
                            .inheritIO().start();
                    if (tar.waitFor() != 0) {
                        throw new IllegalStateException("tar could not unpack " + tarball);
                    }
                    Files.writeString(done, tarball.toString());
                }
            }
            try (Stream<Path> files = Files.walk(target)) {
                return files.filter(p -> p.getFileName().toString().equals("quarkus-run.jar")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no quarkus-run.jar in " + target));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
