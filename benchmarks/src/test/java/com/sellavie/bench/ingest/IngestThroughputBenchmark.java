package com.sellavie.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 2 in one run: the bare endpoint's and ingest's maximum throughput (closed loop), their ratio,
 * and ingest's latency at half its maximum (open loop), for DMs to an unconnected account (kept, one
 * UnroutableWebhook) and to a connected one (one InboundMessageReceived, through the outbox or, in a Kafka-first
 * variant, straight to Kafka). Both apps run from their jars with the same JVM flags; PostgreSQL is durable (fsync
 * on), Kafka and the registry are real.
 *
 * <p>{@code ./mvnw -B -o -pl benchmarks -Pbench-ingest verify}; settings as {@code -Dsellavie.bench.*}
 * (see {@link BenchSettings}). The report is printed and written to {@code target/bench-ingest/report.md}.
 */
class IngestThroughputBenchmark {

    private static final String SECRET = "bench-app-secret-" + UUID.randomUUID();
    private static final String UNCONNECTED = "17841400000000001";
    private static final String CONNECTED = "17841400000000002";
    private static final String PATH = "/webhooks/meta";

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final List<String> report = new ArrayList<>();
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    /** Webhooks answered 2xx, routed or not, warm-ups included: each must be durable. */
    private final Map<String, Long> acknowledged = new HashMap<>(Map.of("unroutable", 0L, "routed", 0L));
    private final List<String> ratios = new ArrayList<>();
    private final TopicRecords inbound =
            new TopicRecords(TestKafka.bootstrapServers(), "ingest.inbound-messages"); // the event catalog's topic
    private long postmaster;

    @Test
    void measuresIngestAgainstABareEndpoint() throws Exception {
        Files.createDirectories(settings.out());
        header();
        try (DurablePostgres postgres = DurablePostgres.start()) {
            postmaster = postgres.postmasterPid();
            LoadRunner.Result bareMax = null;
            // The bare endpoint is stopped before ingest starts: each has the machine to itself while measured. With
            // bare-each, it is measured again before every variant, whose ratio is then to the bare run just before it:
            // a machine whose speed drifts within a run moves both.
            for (Map.Entry<String, Map<String, String>> variant : settings.variants().entrySet()) {
                if (bareMax == null || settings.bareEach()) {
                    bareMax = measureBare(variant.getKey());
                }
                measureIngest(variant.getKey(), variant.getValue(), postgres, bareMax);
            }
            long kept = postgres.count("SELECT count(*) FROM unroutable_messages");
            long inOutbox = postgres.count("SELECT count(*) FROM outbox WHERE event_type = 'InboundMessageReceived'");
            long onKafka = inbound.count();
            report.add("");
            report.add("Durable after the run: " + kept + " kept DMs for " + acknowledged.get("unroutable")
                    + " acknowledged; " + onKafka + " InboundMessageReceived on Kafka (" + inOutbox
                    + " of them through the outbox) for " + acknowledged.get("routed") + " acknowledged");
            // Every 200 was durable before it was sent: at least as many as 200s (a request cut off by the client may
            // have committed without its answer arriving, never the other way round); each variant waited for Kafka
            // to hold all its acknowledged DMs before it stopped (measureIngest).
            assertThat(kept).isGreaterThanOrEqualTo(acknowledged.get("unroutable"));
            assertThat(onKafka).isGreaterThanOrEqualTo(acknowledged.get("routed"));
        } finally {
            inbound.close();
            Files.write(settings.out().resolve("report.md"), report);
            System.out.println(String.join(System.lineSeparator(), report));
        }
    }

    private LoadRunner.Result measureBare(String beforeVariant) throws Exception {
        int barePort = ServiceJvm.freePort();
        try (ServiceJvm bare = ServiceJvm.start("bare endpoint", settings.bareJar(), settings.jvmFlags(false, "bare"),
                Map.of("BENCH_BARE_PORT", Integer.toString(barePort), "SELLAVIE_META_APP_SECRET", SECRET),
                settings.out().resolve("bare-" + beforeVariant + ".log"))) {
            bare.awaitReady("http://127.0.0.1:" + barePort + PATH, true, Duration.ofMinutes(10));
            return max("bare endpoint", new Target(new LoadRunner("127.0.0.1", barePort, PATH), bare.pid()),
                    new SignedDms(SECRET, UNCONNECTED, RUN + "b" + beforeVariant), null);
        }
    }

    /** An endpoint under load and the JVM whose CPU time it costs. */
    private record Target(LoadRunner runner, long pid) {
    }

    private void header() {
        report.add("# Ingest throughput (issue 12 item 2) " + java.time.Instant.now());
        report.add("");
        report.add("Settings: " + settings);
        report.add("");
        report.add("| variant | phase | mode | 2xx/s | 2xx | non-2xx | errors | p50 ms | p99 ms | p99.9 ms | max ms "
                + "| app CPU ms/req | PostgreSQL CPU ms/req | load avg before -> after |");
        report.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    }

    private void measureIngest(String variant, Map<String, String> environment, DurablePostgres postgres,
            LoadRunner.Result bareMax) throws Exception {
        int port = ServiceJvm.freePort();
        Map<String, String> env = new HashMap<>(environment);
        String otherJar = env.remove(BenchSettings.VARIANT_JAR);
        try (ServiceJvm ingest = ServiceJvm.start("webhook-ingest-service",
                otherJar == null ? settings.ingestJar() : Path.of(otherJar),
                settings.jvmFlags(true, variant), ingestEnvironment(postgres, port, env),
                settings.out().resolve("ingest-" + variant + ".log"))) {
            ingest.awaitReady("http://127.0.0.1:" + port + "/actuator/health/readiness", false, Duration.ofMinutes(10));
            if (acknowledged.get("routed") == 0) {
                connectChannel(postgres); // once ingest's migrations have made the table
            }
            Target target = new Target(new LoadRunner("127.0.0.1", port, PATH), ingest.pid());
            SignedDms unroutable = new SignedDms(SECRET, UNCONNECTED, RUN + variant + "u");
            SignedDms routed = new SignedDms(SECRET, CONNECTED, RUN + variant + "r");
            LoadRunner.Result unroutableMax = max(variant + ": unconnected account", target, unroutable, "unroutable");
            LoadRunner.Result routedMax = max(variant + ": connected channel", target, routed, "routed");
            halfLoad(variant + ": unconnected account", target, unroutable, unroutableMax, "unroutable");
            halfLoad(variant + ": connected channel", target, routed, routedMax, "routed");
            // Before this ingest stops, Kafka holds every routed DM acknowledged so far (its relay has sent what
            // went through the outbox): a 200 whose event never reaches Kafka fails the run.
            long inOutbox = postgres.count("SELECT count(*) FROM outbox WHERE event_type = 'InboundMessageReceived'");
            Duration drained = inbound.awaitAtLeast(acknowledged.get("routed"), Duration.ofMinutes(3));
            ratios.add(String.format("%s: %d routed DMs acknowledged so far, all on Kafka %.1f s after the load "
                    + "(%d through the outbox so far)", variant, acknowledged.get("routed"), drained.toMillis() / 1000.0,
                    inOutbox));
            ratios.add(String.format("%s: ingest / bare = %.3f unconnected, %.3f connected (target >= 0.25)", variant,
                    unroutableMax.okPerSecond() / bareMax.okPerSecond(), routedMax.okPerSecond() / bareMax.okPerSecond()));
            report.add("");
            report.addAll(ratios);
            report.add("");
            ratios.clear();
        }
    }

    private LoadRunner.Result max(String label, Target target, SignedDms dms, String kind) {
        acknowledge(kind, target.runner().closedLoop(label + " warm-up", settings.connections(), settings.warmup(),
                dms::next));
        Snapshot before = new Snapshot(target.pid(), postmaster);
        LoadRunner.Result result = acknowledge(kind,
                target.runner().closedLoop(label, settings.connections(), settings.measure(), dms::next));
        row(result, "max, " + settings.connections() + " connections", before);
        return result;
    }

    private void halfLoad(String label, Target target, SignedDms dms, LoadRunner.Result max, String kind) {
        double rate = Math.max(1, Math.floor(max.okPerSecond() / 2));
        Snapshot before = new Snapshot(target.pid(), postmaster);
        LoadRunner.Result result = acknowledge(kind,
                target.runner().openLoop(label, rate, settings.connections(), settings.openLoop(), dms::next));
        row(result, String.format("open loop %.0f/s (50 %% of max)", rate), before);
    }

    /** CPU used so far by the app and by PostgreSQL, and the load average, at the start of a phase. */
    private record Snapshot(long pid, long postmaster, double appMs, double postgresMs, String load) {
        Snapshot(long pid, long postmaster) {
            this(pid, postmaster, CpuTime.ofProcess(pid), CpuTime.ofTree(postmaster), loadAverage());
        }
    }

    private LoadRunner.Result acknowledge(String kind, LoadRunner.Result result) {
        if (kind != null) {
            acknowledged.merge(kind, result.ok(), Long::sum);
        }
        return result;
    }

    private void row(LoadRunner.Result r, String mode, Snapshot before) {
        Latencies l = r.latencies();
        long requests = Math.max(1, r.ok() + r.refused() + r.failed());
        double app = (CpuTime.ofProcess(before.pid()) - before.appMs()) / requests;
        double db = (CpuTime.ofTree(before.postmaster()) - before.postgresMs()) / requests;
        String[] label = r.label().split(": ", 2);
        report.add(String.format("| %s | %s | %s | %.0f | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.3f | %.3f | %s -> %s |",
                label.length == 2 ? label[0] : "-", label[label.length - 1], mode, r.okPerSecond(), r.ok(), r.refused(), r.failed(), l.percentileMillis(50),
                l.percentileMillis(99), l.percentileMillis(99.9), l.percentileMillis(100), app, db, before.load(),
                loadAverage()));
        System.out.println(report.getLast());
    }

    private Map<String, String> ingestEnvironment(DurablePostgres postgres, int port, Map<String, String> variant) {
        Map<String, String> env = new HashMap<>(postgres.serviceEnvironment());
        env.put("SELLAVIE_INGEST_PORT", Integer.toString(port));
        env.put("SELLAVIE_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers());
        env.put("SELLAVIE_SCHEMA_REGISTRY_URL", TestSchemaRegistry.baseUrl());
        env.put("SELLAVIE_META_APP_SECRET", SECRET);
        env.put("SELLAVIE_META_VERIFY_TOKEN", "bench-verify-token");
        env.put("SELLAVIE_INTERNAL_TOKEN", UUID.randomUUID().toString());
        env.put("SELLAVIE_TRACING_SAMPLING_PROBABILITY", "0");
        env.putAll(variant);
        return env;
    }

    /** The route conversation-service's ChannelConnected would have written (a fixture, not the flow under test). */
    private static void connectChannel(DurablePostgres postgres) throws Exception {
        postgres.execute(DurablePostgres.DATABASE, "INSERT INTO channel_routes (channel_id, business_id, channel_type, "
                + "external_id, active, changed_at) VALUES ('" + UUID.randomUUID() + "', '" + UUID.randomUUID()
                + "', 'INSTAGRAM', '" + CONNECTED + "', true, now())");
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
