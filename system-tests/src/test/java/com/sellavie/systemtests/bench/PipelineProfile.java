package com.sellavie.systemtests.bench;

import com.sellavie.platform.test.TestPostgres;
import com.sellavie.systemtests.stack.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a DM's cost goes (docs/benchmarks.md, issue 12), over the benchmark's measured window only:
 * CPU time per process (every service JVM, the bench JVM, the registry, PostgreSQL split into each
 * service's backends and walsender), divided by the DMs posted in the window; with
 * {@code -Dbench.jfr=true} a JFR recording ({@code settings=profile}) in every service JVM, started
 * with {@code jcmd} before the warm-up, and its samples within the window summarised as top frames; with
 * {@code -Dsellavie.test.pg.statements=true} the top SQL statements by total time from
 * {@code pg_stat_statements}, reset at the window's start.
 */
final class PipelineProfile {

    private static final Logger log = LoggerFactory.getLogger(PipelineProfile.class);
    private static final String RECORDING = "issue12";

    private final List<ServiceProcess> services;
    private final TestPostgres postgres;
    private final Path jfrDirectory;
    private final boolean jfr = Boolean.getBoolean("bench.jfr");
    private final boolean statements = Boolean.getBoolean("sellavie.test.pg.statements");
    private final long postmasterPid;
    private final Map<Long, String> serviceByPid = new HashMap<>();
    private Map<Long, ProcessCpu.Sample> before;
    private Map<Long, ProcessCpu.Sample> after;
    private long startedNanos;
    private long startedMillis;
    private long stoppedNanos;
    private long stoppedMillis;

    PipelineProfile(List<ServiceProcess> services, TestPostgres postgres, Path jfrDirectory) throws SQLException {
        this.services = services;
        this.postgres = postgres;
        this.jfrDirectory = jfrDirectory;
        this.postmasterPid = postmasterPid(postgres);
        services.forEach(s -> serviceByPid.put(s.pid(), s.name()));
    }

    /**
     * Starts the recordings, before the warm-up: a {@code jcmd} takes seconds on a loaded machine (seven of
     * them one after another took a minute), so they run side by side and early, and the report keeps only
     * the samples taken within the window.
     */
    void prepare() throws Exception {
        if (!jfr) {
            return;
        }
        Files.createDirectories(jfrDirectory);
        try (var starting = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ServiceProcess service : services) {
                starting.submit(() -> {
                    jcmd(service.pid(), "JFR.start", "name=" + RECORDING, "settings=profile",
                            "filename=" + jfrFile(service));
                    return null;
                });
            }
        }
    }

    /** The measured window begins: snapshot CPU, reset statement statistics. */
    void start() throws Exception {
        if (statements) {
            try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("SELECT pg_stat_statements_reset()");
            }
        }
        startedNanos = System.nanoTime();
        startedMillis = System.currentTimeMillis();
        before = ProcessCpu.snapshot(postmasterPid, serviceByPid::get);
    }

    /** The measured window ends: snapshot CPU and stop the recordings. */
    void stop() throws Exception {
        after = ProcessCpu.snapshot(postmasterPid, serviceByPid::get);
        stoppedNanos = System.nanoTime();
        stoppedMillis = System.currentTimeMillis();
        if (jfr) {
            try (var stopping = Executors.newVirtualThreadPerTaskExecutor()) {
                for (ServiceProcess service : services) {
                    stopping.submit(() -> {
                        jcmd(service.pid(), "JFR.stop", "name=" + RECORDING);
                        return null;
                    });
                }
            }
        }
    }

    /** Wall-clock bounds of the window, to count the replies sent within it. */
    long startedMillis() {
        return startedMillis;
    }

    long stoppedMillis() {
        return stoppedMillis;
    }

    /**
     * What each part cost per DM: {@code dms} = the replies the Send API received within the window (the
     * DMs the pipeline carried through while it was measured, whether or not it kept up with the rate).
     */
    void report(int posted, int dms, Consumer<String> line) throws Exception {
        double wallSeconds = (stoppedNanos - startedNanos) / 1e9;
        line.accept("");
        line.accept("## Where a DM's cost goes");
        line.accept("");
        line.accept("Window %.1f s: %d DMs posted, %d replies sent (the \"per DM\" divisor)."
                .formatted(wallSeconds, posted, dms));
        reportCpu(ProcessCpu.spentBetween(before, after), Math.max(dms, 1), line);
        if (statements) {
            reportStatements(Math.max(dms, 1), line);
        }
        if (jfr) {
            reportFrames(line);
        }
    }

    private void reportCpu(Map<String, Duration> spent, int dms, Consumer<String> line) {
        long totalNanos = spent.values().stream().mapToLong(Duration::toNanos).sum();
        line.accept("");
        line.accept("CPU per process over the window (kernel utime + stime):");
        line.accept("");
        line.accept("| process | CPU s | share | CPU ms per DM |");
        line.accept("|---|---:|---:|---:|");
        spent.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .forEach(e -> line.accept("| %s | %.1f | %.1f %% | %.2f |".formatted(e.getKey(), e.getValue().toNanos() / 1e9,
                        100.0 * e.getValue().toNanos() / totalNanos, e.getValue().toNanos() / 1e6 / dms)));
        line.accept("| **total** | **%.1f** | 100 %% | **%.2f** |".formatted(totalNanos / 1e9, totalNanos / 1e6 / dms));
    }

    private void reportStatements(int dms, Consumer<String> line) throws SQLException {
        line.accept("");
        // Buffers per call tell a statement that reads history (all of a business's rows, all of a conversation's)
        // from one that reads a row: the first grows with the data while its calls per DM stay the same.
        line.accept("SQL statements over the window (pg_stat_statements; calls and execution time per DM, buffers "
                + "read or hit per call):");
        line.accept("");
        line.accept("| database | calls per DM | total ms per DM | rows per call | buffers per call | statement |");
        line.accept("|---|---:|---:|---:|---:|---|");
        try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT d.datname, s.calls, s.total_exec_time, s.rows, s.shared_blks_hit + s.shared_blks_read AS blocks,
                               left(regexp_replace(s.query, '\\s+', ' ', 'g'), 160) AS query
                        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                        ORDER BY s.total_exec_time DESC LIMIT 40""")) {
            while (rs.next()) {
                long calls = rs.getLong("calls");
                line.accept("| %s | %.2f | %.3f | %.1f | %.1f | `%s` |".formatted(service(rs.getString("datname")),
                        (double) calls / dms, rs.getDouble("total_exec_time") / dms,
                        calls == 0 ? 0.0 : (double) rs.getLong("rows") / calls,
                        calls == 0 ? 0.0 : (double) rs.getLong("blocks") / calls,
                        rs.getString("query").replace("|", "\\|")));
            }
        }
        line.accept("");
        // Top-level statements are the service's round trips; the rest run inside them (triggers, functions).
        line.accept("| database | statements per DM | of them top-level (round trips) | execution ms per DM |");
        line.accept("|---|---:|---:|---:|");
        try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT d.datname, sum(s.calls) AS calls,
                               coalesce(sum(s.calls) FILTER (WHERE s.toplevel), 0) AS toplevel,
                               sum(s.total_exec_time) AS ms
                        FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                        GROUP BY d.datname ORDER BY 2 DESC""")) {
            while (rs.next()) {
                line.accept("| %s | %.2f | %.2f | %.3f |".formatted(service(rs.getString("datname")),
                        rs.getDouble("calls") / dms, rs.getDouble("toplevel") / dms, rs.getDouble("ms") / dms));
            }
        }
    }

    private void reportFrames(Consumer<String> line) throws IOException {
        line.accept("");
        line.accept("Top frames per service (JFR execution samples taken within the measured window; recordings in %s):"
                .formatted(jfrDirectory));
        line.accept("");
        line.accept("| service | view | frame | share of samples |");
        line.accept("|---|---|---|---:|");
        for (ServiceProcess service : services) {
            Path file = jfrFile(service);
            if (!Files.exists(file)) {
                line.accept("| %s | (no recording) | | |".formatted(service.name()));
                continue;
            }
            HotFrames frames = HotFrames.read(file, Instant.ofEpochMilli(startedMillis),
                    Instant.ofEpochMilli(stoppedMillis));
            line.accept("| %s | samples | %d | |".formatted(service.name(), frames.samples()));
            frames.rows(service.name(), 12).forEach(line);
        }
    }

    private Path jfrFile(ServiceProcess service) {
        return jfrDirectory.resolve(service.name() + ".jfr").toAbsolutePath();
    }

    private static String service(String database) {
        String[] parts = database.split("_");
        return parts.length >= 2 && parts[0].equals("st") ? parts[1] : database;
    }

    private static long postmasterPid(TestPostgres postgres) throws SQLException {
        try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL backend " + backend + " has no parent"));
        }
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(Long.toString(pid));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            log.warn("jcmd {} {} failed: {}", pid, String.join(" ", command), output.trim());
        }
    }
}
