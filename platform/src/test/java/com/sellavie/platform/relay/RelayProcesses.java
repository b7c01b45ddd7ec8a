package com.sellavie.platform.relay;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Starts {@link RelayChild} JVMs on this JVM's class path; their output goes to target/relay-children/. */
final class RelayProcesses implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();

    Process start(String jdbcUrl, String instanceId) {
        return start(jdbcUrl, TestPostgres.get().user(), TestPostgres.get().password(), TestKafka.bootstrapServers(),
                instanceId);
    }

    Process start(String jdbcUrl, String user, String password, String bootstrapServers, String instanceId) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "relay-children"));
            String logback = Path.of(Objects.requireNonNull(
                    RelayProcesses.class.getResource("/relay-quiet-logback.xml")).toURI()).toString();
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-Dlogback.configurationFile=" + logback,
                    "-cp", System.getProperty("java.class.path"),
                    RelayChild.class.getName(),
                    jdbcUrl, user, password, bootstrapServers, instanceId);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(instanceId + ".log").toFile())
                    .start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no engine close, no offset flush, no unlock. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                kill(process);
            }
        }
    }
}
