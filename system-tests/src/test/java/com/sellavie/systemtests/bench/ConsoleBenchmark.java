package com.sellavie.systemtests.bench;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.systemtests.stack.SellavieStack;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's two load questions of issue 8 (docs/benchmarks.md, "Console live feed and team
 * replies"), on the whole stack as in system-tests: {@link SseFanOut} (an inbound DM → its event on
 * 200 open console streams) and then {@link TeamReplies} (team replies at 20/s → Send API). The service
 * JVMs get {@code -Dsellavie.stack.jvm-options} (the profile's {@code bench.jvmOptions}).
 *
 * <p>Not a test: {@code ./mvnw -B -o -pl system-tests -Pbench-console verify}; {@code bench.only}
 * ({@code fanout}, {@code replies}, or both, comma-separated) picks the phases; the report is logged and
 * written to {@code bench.report}.
 */
public final class ConsoleBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ConsoleBenchmark.class);

    private final int shopCount = Integer.getInteger("bench.shops", 4);
    private final String synchronousCommit = System.getProperty("bench.synchronousCommit", "on");
    private final Set<String> phases = Set.of(System.getProperty("bench.only", "fanout,replies").split(","));
    private final BenchReport report = new BenchReport(log,
            Path.of(System.getProperty("bench.report", "target/bench/console.md")));

    public static void main(String[] args) {
        int exit = 0;
        try {
            new ConsoleBenchmark().run();
        } catch (Exception | AssertionError e) {
            log.error("Benchmark failed", e);
            exit = 1;
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        report.line("# Console live feed and team replies — run of " + Instant.now());
        report.line("");
        report.line("Machine: %s, %d processors; JVM %s %s; load average at start: %s".formatted(cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), DmLatencyBenchmark.loadAverage()));
        report.line("Service JVMs: `%s`; PostgreSQL synchronous_commit=%s; %d businesses".formatted(
                System.getProperty("sellavie.stack.jvm-options", "(harness default)"), synchronousCommit, shopCount));
        long t0 = System.nanoTime();
        TestPostgres postgres = TestPostgres.get();
        DmLatencyBenchmark.setSynchronousCommit(postgres, synchronousCommit);
        String kafka = TestKafka.bootstrapServers();
        TestSchemaRegistry.baseUrl();
        long infraMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        try (SellavieStack stack = SellavieStack.start()) {
            report.line("Start-up: infrastructure %.1f s, services all ready %.1f s later (load average now %s)"
                    .formatted(infraMs / 1000.0, (System.nanoTime() - t1) / 1e9, DmLatencyBenchmark.loadAverage()));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
            String gateway = stack.gatewayUrl();
            List<BenchShop> shops = DmLatencyBenchmark.openShops(http, gateway, kafka, shopCount, stack.metaGraphApi(),
                    stack.mail());
            String secret = stack.secrets().metaAppSecret();
            if (phases.contains("fanout")) {
                new SseFanOut(report, http, gateway, secret, kafka, stack.memberTokens()).run(shops);
            }
            if (phases.contains("replies")) {
                new TeamReplies(report, http, gateway, secret, new SendApiJournal(http, stack.metaGraphApi().graphUrl()))
                        .run(shops);
            }
        } finally {
            report.write();
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }
}
