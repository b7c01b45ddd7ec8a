package com.sellavie.local;

import com.sellavie.local.bench.BenchSettings;
import com.sellavie.local.bench.PipelineBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./sellavie bench ...}: starts the local stack exactly as {@code up} does (same launcher, same service
 * command lines) on a fresh data folder of its own ({@code .sellavie-bench/stack}, so a user's {@code .sellavie}
 * is untouched), runs the {@link PipelineBenchmark} against it, writes the report to
 * {@code .sellavie-bench/reports/}, and stops the stack. The services' extracted jars and AOT caches are kept
 * apart ({@code .sellavie-bench/jvm}) and outlive the run.
 *
 * <p>{@code ./sellavie train ...}: the same stack and load with every service recording its AOT cache
 * ({@code SELLAVIE_AOT_CACHE=record}); the caches written when the services stop are the ones later benches
 * start with, holding the classes and method profiles of the DM path and not only of starting.
 */
final class BenchCommand {

    private static final Logger console = LoggerFactory.getLogger("sellavie");
    /** The bench always runs its own infrastructure and stubs: these point elsewhere, so they are ignored. */
    private static final Set<String> EXTERNAL = Set.of("SELLAVIE_HOME", "SELLAVIE_DB_URL", "SELLAVIE_KAFKA_BOOTSTRAP",
            "SELLAVIE_SCHEMA_REGISTRY_URL", "SELLAVIE_META_GRAPH_URL", "SELLAVIE_STRIPE_URL", "SELLAVIE_SMTP_HOST",
            "SELLAVIE_SMTP_PORT");

    private BenchCommand() {
    }

    /** {@code train}'s load unless asked otherwise: every hop of the DM path, at a rate an uncached stack carries. */
    static final List<String> TRAINING_DEFAULTS = List.of("--rate", "8", "--seconds", "120", "--warmup", "0");

    static int train(Installation installation, Map<String, String> environment, List<String> args) {
        List<String> withDefaults = new ArrayList<>(TRAINING_DEFAULTS);
        withDefaults.addAll(args);
        Map<String, String> recording = new HashMap<>(environment);
        recording.put("SELLAVIE_AOT_CACHE", "record");
        console.info("Training: the bench's stack and load with every service recording its AOT cache; the caches are"
                + " written as the services stop and used by the next benches");
        return run(installation, recording, withDefaults);
    }

    static int run(Installation installation, Map<String, String> environment, List<String> args) {
        BenchSettings settings;
        Replicas replicas;
        try {
            settings = BenchSettings.parse(args);
            replicas = settings.replicas().isEmpty() ? Replicas.NONE : Replicas.parse(settings.replicas());
        } catch (IllegalArgumentException e) {
            console.error("{}. Usage: {}", e.getMessage(), BenchSettings.USAGE);
            return 2;
        }
        Path root = installation.repositoryRoot().resolve(".sellavie-bench");
        DataFolder data = new DataFolder(root.resolve("stack"), root.resolve("jvm"));
        if (LocalStackCommand.isRunning(data)) {
            console.error("A bench is already running on {}.", data.root());
            return 1;
        }
        try {
            deleteIfPresent(data.root());
        } catch (IOException e) {
            console.error("Could not clear {}: {}", data.root(), e.getMessage());
            return 1;
        }
        Map<String, String> own = new HashMap<>(environment);
        own.keySet().removeAll(EXTERNAL);
        console.info("Bench: a fresh stack in {} (logs in {}), reports in {}", data.root(), data.logs(),
                root.resolve("reports"));
        return new LocalStack(installation, data, own, replicas, serviceOverrides()).startThen(stack -> {
            Path report = new PipelineBenchmark(settings, new LocalBenchStack(stack, root.resolve("reports")),
                    console::info).run();
            console.info("Report written to {}; stopping the bench stack", report);
            return 0;
        });
    }

    /**
     * Limits meant for one client address would throttle the harness, which is every customer (Meta delivers
     * from many addresses): webhook and sign-up buckets raised, in buckets of this run only. Identity's
     * sign-up counters get this run's own keys too: the demo owner signs up on every fresh bench stack, and in
     * the shared ones five runs within the hour would refuse the next {@code ./sellavie up}'s sign-up.
     */
    static Map<String, String> serviceOverrides() {
        String run = UUID.randomUUID().toString();
        return Map.of(
                "SELLAVIE_GATEWAY_WEBHOOK_RATE", "1000000",
                "SELLAVIE_GATEWAY_WEBHOOK_BURST", "1000000",
                "SELLAVIE_GATEWAY_AUTH_RATE", "1000",
                "SELLAVIE_GATEWAY_AUTH_BURST", "1000",
                "SELLAVIE_EMAIL_THROTTLE_PER_IP", "100000",
                "SELLAVIE_EMAIL_THROTTLE_KEYPREFIX", "sellavie:bench-account-email:" + run + ":",
                "SELLAVIE_GATEWAY_RATELIMIT_KEYPREFIX", "sellavie:bench-ratelimit:" + run);
    }

    private static void deleteIfPresent(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
