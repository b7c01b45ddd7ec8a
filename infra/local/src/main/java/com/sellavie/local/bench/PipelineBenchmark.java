package com.sellavie.local.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code ./sellavie bench}: opens the shops, fires the DMs open loop (a steady rate, or {@code --find-max}'s
 * climbing steps), waits for the replies up to the drain time, then reports counts, latencies, per-hop times,
 * 10-s windows and every process's memory (docs/benchmarks.md, "Pipeline throughput").
 */
public final class PipelineBenchmark {

    private static final long WINDOW_SECONDS = 10;

    private final BenchSettings settings;
    private final BenchStack stack;
    private final BenchReport report;
    private final List<String> loadSamples = new ArrayList<>();
    private final String runTag = Long.toString(System.currentTimeMillis() / 1000 % 100_000);

    public PipelineBenchmark(BenchSettings settings, BenchStack stack, Consumer<String> out) {
        this.settings = settings;
        this.stack = stack;
        this.report = new BenchReport(out);
    }

    /** Runs the benchmark; returns the path of the written report. */
    public Path run() throws Exception {
        Instant began = Instant.now();
        report.line("# Pipeline throughput — run of " + began);
        report.blank();
        report.line("Machine: %d processors, %s %s; load average (1/5/15 min) before the shops: %s".formatted(
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), LoadAverage.now()));
        report.line("Settings: " + settings.describe());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<BenchShop> shops = openShops(http);
        Ledger ledger = new Ledger();
        stack.onSend(ledger);
        DmFirer firer = new DmFirer(stack, http, shops, ledger, runTag);
        LoadRun load = new LoadRun(firer, ledger, settings.drainSeconds(), loadSamples);
        report.line("Load average before the load: " + LoadAverage.now());
        if (settings.findMax()) {
            new FindMaxRun(settings, load, report).run(ledger);
        } else {
            steady(load, ledger);
        }
        report.blank();
        report.line("Load average (1-min) every 10 s during the load: " + String.join(", ", loadSamples)
                + "; after it: " + LoadAverage.now());
        report.line("Pacing: the pacer fired %d DMs; sends to no DM's customer: %d".formatted(load.fired(),
                ledger.strays()));
        report.blank();
        report.line("Memory at the end (RSS):");
        report.blank();
        report.memory(ProcessMemory.snapshot(stack.serviceProcesses(), stack.reportFolder().getParent()));
        Path file = stack.reportFolder().resolve("bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(began) + (settings.findMax() ? "-find-max" : "") + ".md");
        report.writeTo(file);
        return file;
    }

    private List<BenchShop> openShops(HttpClient http) throws Exception {
        long before = ChannelRoutes.published(stack.kafkaBootstrap());
        ShopOpener opener = new ShopOpener(stack, http);
        long begun = System.nanoTime();
        List<BenchShop> shops = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> opened = new ArrayList<>();
            for (int i = 1; i <= settings.shops(); i++) {
                BenchShop shop = BenchShop.numbered(i, runTag);
                shops.add(shop);
                opened.add(pool.submit(() -> {
                    opener.open(shop);
                    return null;
                }));
            }
            for (Future<?> future : opened) {
                future.get();
            }
        }
        ChannelRoutes.awaitLearnt(stack.kafkaBootstrap(), before + 3L * shops.size(), Duration.ofSeconds(180));
        report.line("Shops: %d opened with 3 channels each and their routes learnt by ingest in %.1f s".formatted(
                shops.size(), (System.nanoTime() - begun) / 1e9));
        return shops;
    }

    private void steady(LoadRun load, Ledger ledger) throws InterruptedException, IOException {
        List<Schedule.Phase> phases = Schedule.steady(settings.rate(), settings.warmupSeconds(), settings.seconds());
        long start = load.run(phases).startNanos();
        List<Outcome> all = ledger.outcomes();
        List<Outcome> measured = all.stream().filter(Outcome::measured).toList();
        report.blank();
        report.summaryHeader();
        report.summaryRow("**%d/s, measured (after the warm-up)**".formatted(settings.rate()), Accounting.of(measured));
        report.summaryRow("first minute of load (warm-up included)", Accounting.firstStretch(all, start, 60_000));
        Accounting.byChannel(measured).forEach((channel, a) -> report.summaryRow("measured, " + channel, a));
        Accounting steady = Accounting.of(measured);
        Accounting firstMinute = Accounting.firstStretch(all, start, 60_000);
        report.blank();
        report.line(("Issue 12 targets at this rate: p50 <= 150 ms %s, p99 <= 500 ms %s, none lost %s, none duplicated"
                + " %s, first minute p99 <= 1 s %s").formatted(verdict(steady.latency().p50() <= 150),
                verdict(steady.latency().p99() <= 500), verdict(steady.lost() == 0),
                verdict(steady.duplicated() == 0), verdict(firstMinute.latency().p99() <= 1000)));
        Map<String, Long> refusals = Accounting.refusals(all);
        if (!refusals.isEmpty()) {
            report.line("Webhook answers other than 200, whole run (the poster does not retry as Meta would, so each of"
                    + " those DMs is lost): " + refusals.entrySet().stream().map(e -> e.getKey() + " x " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        report.blank();
        report.line("Per hop (measured DMs; record timestamps, this machine's clock):");
        report.blank();
        report.hops(HopBreakdown.of(TopicTimes.readAll(stack.kafkaBootstrap()), measured));
        report.blank();
        report.line("Per 10-s window of due time, from the first DM (warm-up included):");
        report.blank();
        report.windows(Accounting.byWindow(all, start, WINDOW_SECONDS * 1000), WINDOW_SECONDS);
    }

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    /** Reads {@code /proc/loadavg}. */
    static final class LoadAverage {
        private LoadAverage() {
        }

        static String now() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " " + parts[1] + " " + parts[2];
            } catch (IOException e) {
                return "n/a";
            }
        }
    }
}
