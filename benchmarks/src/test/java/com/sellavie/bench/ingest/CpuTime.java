package com.sellavie.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time a process (and, for PostgreSQL, its backends) has used, from {@code /proc}. On a shared, loaded
 * machine throughput swings with the neighbours; CPU milliseconds per webhook do much less, so they are reported
 * beside every throughput figure.
 */
final class CpuTime {

    private static final double TICKS_PER_MS = 100 / 1000.0; // USER_HZ is 100 on Linux

    private CpuTime() {
    }

    /** Milliseconds of CPU used so far by {@code pid} itself (user + system). */
    static double ofProcess(long pid) {
        String[] fields = stat(pid);
        return fields == null ? 0 : (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_MS;
    }

    /** Milliseconds used by {@code parent}, its live children and its children that have exited. */
    static double ofTree(long parent) {
        String[] own = stat(parent);
        if (own == null) {
            return 0;
        }
        double total = (Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13])
                + Long.parseLong(own[14])) / TICKS_PER_MS;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] fields = stat(Long.parseLong(process.getFileName().toString()));
                if (fields != null && Long.parseLong(fields[1]) == parent) {
                    total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_MS;
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    /** The fields of /proc/pid/stat after the command name (index 0 = state, 1 = ppid, 11 = utime...). */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
