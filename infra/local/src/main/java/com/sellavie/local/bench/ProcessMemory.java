package com.sellavie.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resident memory (VmRSS of /proc, Linux) of each process of the stack: every service instance, then the
 * infrastructure found by its command line naming the bench's data folder (Kafka, the registry, PostgreSQL's
 * processes summed: their shared buffers count in each, so that sum overstates), and this JVM (launcher, stubs
 * and load generator together).
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Name to RSS in MB, in the order above; processes already gone are left out. */
    static Map<String, Long> snapshot(List<BenchStack.NamedProcess> services, Path dataFolder) {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (BenchStack.NamedProcess service : services) {
            rssMb(service.pid()).ifPresent(mb -> rss.put(service.name(), mb));
        }
        String folder = dataFolder.toString();
        ProcessHandle.allProcesses().forEach(process -> {
            String command = process.info().commandLine().orElse("");
            if (!command.contains(folder)) {
                return;
            }
            String name = command.contains("kafka.Kafka") ? "kafka" : command.contains("quarkus") ? "registry"
                    : command.contains("postgres") ? "postgresql (all its processes)" : null;
            if (name != null) {
                rssMb(process.pid()).ifPresent(mb -> rss.merge(name, mb, Long::sum));
                // PostgreSQL's backends and workers are the postmaster's children.
                process.descendants().forEach(child -> rssMb(child.pid()).ifPresent(mb -> rss.merge(name, mb,
                        Long::sum)));
            }
        });
        rssMb(ProcessHandle.current().pid()).ifPresent(mb -> rss.put("launcher + stubs + load generator", mb));
        return rss;
    }

    static Optional<Long> rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(parseKb(line) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone, or not Linux: left out of the table.
        }
        return Optional.empty();
    }

    /** {@code VmRSS:	  123456 kB} to 123456. */
    static long parseKb(String line) {
        return Long.parseLong(line.replaceAll("\\D", ""));
    }
}
