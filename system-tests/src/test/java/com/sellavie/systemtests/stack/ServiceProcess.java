package com.sellavie.systemtests.stack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running from its executable jar as its own JVM, on a fixed port, with its output
 * appended to {@code <name>.log}. It can be started again with the same configuration (plus extra
 * variables, e.g. a fault-injection point) after it stopped, died or was killed.
 */
public final class ServiceProcess {

    /** System property every service JVM carries, so leftovers of an aborted run can be recognised. */
    static final String MARKER = "-Dsellavie.system-test=true";

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path workingDirectory;
    private final Path logFile;
    private final PidFiles pidFiles;
    private volatile Process process;

    /** {@code managementPort}: where its /actuator answers (the gateway's is not its public port). */
    ServiceProcess(String name, Path jar, int port, int managementPort, Map<String, String> environment,
            List<String> jvmOptions, Path workingDirectory, PidFiles pidFiles) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.managementPort = managementPort;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.workingDirectory = workingDirectory;
        this.logFile = workingDirectory.resolve(name + ".log");
        this.pidFiles = pidFiles;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where its /actuator answers: its own port, or the gateway's loopback management port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts the JVM with the service's configuration. */
    public void start() {
        start(Map.of());
    }

    /** Starts the JVM with the service's configuration plus {@code extraEnvironment}. */
    public synchronized void start(Map<String, String> extraEnvironment) {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(MARKER);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(extraEnvironment);
        builder.environment().putAll(env);
        try {
            Files.writeString(logFile, "%n===== %s: starting %s%s%n".formatted(Instant.now(), name,
                    extraEnvironment.isEmpty() ? "" : " with " + extraEnvironment.keySet()),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " from " + jar, e);
        }
        pidFiles.record(name, process.pid());
        log.info("Started {} (pid {}, port {}), log: {}", name, process.pid(), port, logFile);
    }

    /** Waits until {@code /actuator/health/readiness} answers 200; fails at once if the JVM died. */
    public void awaitReady(Duration timeout) {
        Instant started = Instant.now();
        try {
            await("readiness of " + name).atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsMatching(e -> e instanceof IOException)
                    .until(() -> {
                        if (!isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue()
                                    + " before it was ready; last lines of " + logFile + ":\n" + logTail(40));
                        }
                        return readinessStatus() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " not ready after " + timeout + "; last lines of " + logFile
                    + ":\n" + logTail(40), e);
        }
        log.info("{} ready in {} s", name, Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    private int readinessStatus() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(3)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The running JVM's process id (e.g. to sample its CPU time or start a flight recording in it). */
    public long pid() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return current.pid();
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Waits for the JVM to end by itself (e.g. at a fault-injection point); returns its exit code. */
    public int awaitExit(Duration timeout) {
        Process current = process;
        try {
            if (!current.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " (pid " + current.pid() + ") still running after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return current.exitValue();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, as a crashed host would. */
    public void kill() {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroyForcibly();
            waitQuietly(current, Duration.ofSeconds(30));
            log.info("Killed {} (pid {})", name, current.pid());
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within {@code grace}. */
    public void stop(Duration grace) {
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroy();
            if (!waitQuietly(current, grace)) {
                log.warn("{} did not stop within {}: killing it", name, grace);
                current.destroyForcibly();
                waitQuietly(current, Duration.ofSeconds(30));
            }
            log.info("Stopped {} (pid {})", name, current.pid());
        }
    }

    /**
     * SIGTERM, as an orchestrator stopping the service; waits for the JVM to exit (SIGKILL after
     * {@code grace}) and returns how long it took from the signal.
     */
    public Duration terminate(Duration grace) {
        Process current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        long started = System.nanoTime();
        current.destroy();
        if (!waitQuietly(current, grace)) {
            log.warn("{} did not stop within {} of SIGTERM: killing it", name, grace);
            current.destroyForcibly();
            waitQuietly(current, Duration.ofSeconds(30));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("{} (pid {}) stopped {} ms after SIGTERM", name, current.pid(), took.toMillis());
        return took;
    }

    /** Last lines of the log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean waitQuietly(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
