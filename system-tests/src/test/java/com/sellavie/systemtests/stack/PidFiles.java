package com.sellavie.systemtests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process id of every service JVM this harness started, one file per service. A test JVM that
 * was itself killed (no shutdown hook ran) leaves them behind: the next run ends those processes
 * first, by id, and only if their command line still carries the system-test marker.
 */
final class PidFiles {

    private static final Logger log = LoggerFactory.getLogger(PidFiles.class);

    private final Path folder;

    PidFiles(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void record(String service, long pid) {
        try {
            Files.writeString(folder.resolve(service + ".pid"), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the recorded processes that are still running service JVMs of an earlier run. */
    void killLeftovers() {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".pid")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            leftover(file).ifPresent(process -> {
                log.warn("Killing leftover service JVM of an earlier run: pid {} ({})", process.pid(), file);
                process.destroyForcibly();
                process.onExit().orTimeout(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .exceptionally(e -> null).join();
            });
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Optional<ProcessHandle> leftover(Path file) {
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(ServiceProcess.MARKER)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
