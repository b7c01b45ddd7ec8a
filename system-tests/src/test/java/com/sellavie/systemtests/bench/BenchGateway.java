package com.sellavie.systemtests.bench;

import com.sellavie.systemtests.stack.ListenPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's executable jar as its own JVM in front of one backend, for a benchmark: routes
 * {@code /.well-known/bench} (public) and {@code /api/bench/**} (token, denylist, rate limit) to the
 * backend's {@code /api/bench/ok}, identity's JWKS read from the backend, the per-business rate limit
 * raised so that every request is checked and none refused. JVM options from {@code bench.gatewayJvm}
 * (production's flags).
 */
final class BenchGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchGateway.class);
    /** The filters production's /api routes carry (gateway application.yml), unless bench.apiRouteFilters says. */
    private static final String API_ROUTE_FILTERS = "[RetryOnConnectFailure]";

    private final Process process;
    private final int port;
    private final Path jar;
    private final List<String> jvmOptions;

    private BenchGateway(Process process, int port, Path jar, List<String> jvmOptions) {
        this.process = process;
        this.port = port;
        this.jar = jar;
        this.jvmOptions = jvmOptions;
    }

    static BenchGateway start(Path jar, String backend, String redisUrl, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        List<String> jvmOptions = new ArrayList<>(Arrays.asList(System.getProperty("bench.gatewayJvm",
                "-Xmx358m -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError").trim().split("\\s+")));
        int port = ListenPorts.free();
        int managementPort = ListenPorts.free();
        Path routes = workDir.resolve("bench-routes.yml");
        Files.writeString(routes, """
                spring:
                  cloud:
                    gateway:
                      server:
                        webflux:
                          routes:
                            - id: bench-public
                              uri: %1$s
                              predicates: [Path=/.well-known/bench]
                              filters: [SetPath=/api/bench/ok]
                            - id: bench-api
                              uri: %1$s
                              predicates: [Path=/api/bench/**]
                              filters: %2$s
                """.formatted(backend, System.getProperty("bench.apiRouteFilters", API_ROUTE_FILTERS)),
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("gateway.log").toFile()));
        builder.environment().putAll(java.util.Map.of(
                "SELLAVIE_GATEWAY_PORT", Integer.toString(port),
                "SELLAVIE_GATEWAY_MANAGEMENT_PORT", Integer.toString(managementPort),
                "SELLAVIE_IDENTITY_URL", backend,
                "SELLAVIE_REDIS_URL", redisUrl,
                "SELLAVIE_GATEWAY_API_RATE", "1000000",
                "SELLAVIE_GATEWAY_API_BURST", "1000000",
                "SPRING_CONFIG_ADDITIONAL_LOCATION", routes.toUri().toString()));
        Process process = builder.start();
        BenchGateway gateway = new BenchGateway(process, port, jar, jvmOptions);
        try {
            gateway.awaitReady(managementPort, workDir);
        } catch (Exception | Error e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path jar() {
        return jar;
    }

    /**
     * With {@code bench.jfr} (a folder) set, starts a JFR recording (profile settings) named after the jar;
     * {@link #stopRecording()} writes it there.
     */
    void startRecording() throws Exception {
        String folder = System.getProperty("bench.jfr", "");
        if (!folder.isBlank()) {
            Path file = Files.createDirectories(Path.of(folder).toAbsolutePath())
                    .resolve(jar.getFileName().toString().replaceAll("\\.jar$", "") + ".jfr");
            jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file);
        }
    }

    void stopRecording() throws Exception {
        if (!System.getProperty("bench.jfr", "").isBlank()) {
            jcmd("JFR.stop", "name=bench");
        }
    }

    private void jcmd(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(120, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed: " + output);
        }
        log.info("jcmd {}: {}", String.join(" ", arguments), output.strip());
    }

    /** CPU time the gateway's JVM used so far (all threads, JIT and GC included). */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    String jvmOptions() {
        return String.join(" ", jvmOptions);
    }

    private void awaitReady(int managementPort, Path workDir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.readinessSeconds", 900));
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The gateway exited with " + process.exitValue() + "; see "
                        + workDir.resolve("gateway.log").toAbsolutePath());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log.info("Gateway ready in {} s (pid {})", (System.nanoTime() - started) / 1_000_000_000,
                            process.pid());
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("The gateway was not ready in time; see " + workDir.resolve("gateway.log"));
    }

    /** SIGTERM (graceful: the JFR recording is written), then a kill if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
