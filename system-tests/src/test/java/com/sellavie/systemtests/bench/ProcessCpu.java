package com.sellavie.systemtests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * CPU time of the benchmark's own processes (the service JVMs, this JVM with the broker and WireMock,
 * the registry, PostgreSQL's postmaster and every backend under it), read from the kernel's counters
 * (utime + stime), grouped under a label. Two snapshots give the CPU each group spent in between,
 * whatever else runs on the machine: what a profile compares, rather than latency on a shared machine.
 */
final class ProcessCpu {

    /** One process: its label and its CPU time so far. */
    record Sample(String label, Duration cpu) {
    }

    private ProcessCpu() {
    }

    /**
     * Every process to count, labelled by {@code label} (given the pid, or null to use its command line):
     * this JVM, its descendants, and the PostgreSQL server's processes under {@code postmasterPid}.
     */
    static Map<Long, Sample> snapshot(long postmasterPid, LongFunction<String> label) {
        Map<Long, Sample> samples = new HashMap<>();
        ProcessHandle self = ProcessHandle.current();
        add(samples, self, "bench JVM (Kafka broker, WireMock, load generator)");
        self.descendants().forEach(p -> add(samples, p, label.apply(p.pid())));
        ProcessHandle.of(postmasterPid).ifPresent(postmaster -> {
            add(samples, postmaster, "PostgreSQL background (postmaster, WAL writer, checkpointer, ...)");
            postmaster.descendants().forEach(p -> add(samples, p, postgresLabel(commandLine(p.pid()))));
        });
        return samples;
    }

    /** CPU spent per label between two snapshots (a process that started in between counts whole). */
    static Map<String, Duration> spentBetween(Map<Long, Sample> before, Map<Long, Sample> after) {
        Map<String, Duration> spent = new LinkedHashMap<>();
        after.forEach((pid, sample) -> {
            Sample earlier = before.get(pid);
            Duration delta = earlier == null ? sample.cpu() : sample.cpu().minus(earlier.cpu());
            spent.merge(sample.label(), delta, Duration::plus);
        });
        return spent;
    }

    private static void add(Map<Long, Sample> samples, ProcessHandle process, String label) {
        if (label == null) {
            label = otherLabel(commandLine(process.pid()));
        }
        String finalLabel = label;
        process.info().totalCpuDuration().ifPresent(cpu -> samples.put(process.pid(), new Sample(finalLabel, cpu)));
    }

    private static String otherLabel(String commandLine) {
        if (commandLine.contains("quarkus-run")) {
            return "Apicurio registry";
        }
        if (commandLine.startsWith("postgres") || commandLine.contains("/bin/postgres")) {
            return "PostgreSQL background (postmaster, WAL writer, checkpointer, ...)";
        }
        return "other child of the bench JVM";
    }

    /**
     * PostgreSQL names its processes {@code postgres: <user> <db> <client> <activity>} and
     * {@code postgres: walsender <user> <client> <activity>}; the system tests' roles are
     * {@code st_<service>_<suffix>_{app,owner,relay}}, so the service shows in both.
     */
    static String postgresLabel(String commandLine) {
        String[] words = commandLine.replace("postgres: ", "").trim().split("\\s+");
        if (words.length >= 2 && words[0].equals("walsender")) {
            return "PostgreSQL walsender (logical decoding) of " + service(words[1]);
        }
        if (words.length >= 1 && words[0].startsWith("st_")) {
            return "PostgreSQL backends of " + service(words[0]);
        }
        return "PostgreSQL background (postmaster, WAL writer, checkpointer, ...)";
    }

    private static String service(String role) {
        String[] parts = role.split("_");
        return parts.length >= 2 && parts[0].equals("st") ? parts[1] : role;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }
}
