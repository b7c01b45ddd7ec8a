package com.sellavie.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process of the launcher with its output in a log file, stopped politely (SIGTERM), then
 * forcibly, together with any process it started itself, so nothing outlives the launcher.
 */
final class ManagedProcess {

    private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);
    private static final Path SHELL = Path.of("/bin/sh");
    /**
     * Runs the command with SIGINT and SIGHUP ignored: an ignored signal stays ignored across {@code exec}, and a JVM
     * leaves an ignored shutdown signal ignored (how {@code nohup} works).
     */
    private static final String IGNORING_TERMINAL_SIGNALS = "trap '' INT HUP; exec \"$@\"";

    private final String name;
    private final Process process;
    private final Path logFile;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} deaf to the terminal's Ctrl-C and hang-up (when {@code /bin/sh} exists), so only the
     * launcher acts on them and stops the children in order.
     *
     * <p>The child stays in the launcher's session rather than getting one of its own ({@code setsid}, before
     * 2026-12-06): Linux's autogroup scheduling makes each session a group of equal weight, so with a session per
     * JVM a saturated machine gave conversation, the stack's heaviest service, no more CPU than the registry, and
     * the DM bench's backlog queued in front of it (docs/benchmarks.md "Pipeline throughput", stop 55). In one
     * session every thread of the stack competes on its own.
     */
    static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile) {
        return start(name, command, environment, workingDirectory, logFile, false);
    }

    /** As above; {@code appendToLog}: keep what the log file holds (a restart after a crash keeps the crash). */
    static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logFile, boolean appendToLog) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SHELL)) {
            full.addAll(List.of(SHELL.toString(), "-c", IGNORING_TERMINAL_SIGNALS, name));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            return new ManagedProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The path of the running java binary, so children run on the launcher's own JDK. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Blocks until the process ends; its exit code. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM, up to {@code grace} for a clean exit, then SIGKILL; the same for its descendants. */
    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {} s; killing it", name, grace.toSeconds());
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> child).join();
            }
        }
    }
}
