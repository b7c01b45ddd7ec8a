package com.sellavie.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 12 item 5: what the gateway adds per request at {@code bench.rate} req/s (docs/benchmarks.md,
 * "Gateway overhead (issue 12 item 5)"). The gateway jar runs alone in front of {@link TinyBackend},
 * with the machine's Redis; one backend endpoint is called three ways, each in open loop (latency from
 * when a request was due, in microseconds):
 * <ol>
 *   <li>directly;</li>
 *   <li>through the gateway's public route {@code /.well-known/bench} (no token, no Redis);</li>
 *   <li>through {@code /api/bench/ok} with an access token: JWT (RS256) check, Redis denylist, Redis rate
 *   limit (the per-business bucket raised for the run so that its cost is measured, not its refusals).</li>
 * </ol>
 * The three are warmed together, then measured one after another in {@code bench.rounds} rounds so a
 * change of the machine's load touches each alike.
 *
 * <p>Not a test: {@code ./mvnw -B -o -pl system-tests -Pbench-gateway verify}; the report is logged and
 * written to {@code bench.report}.
 */
public final class GatewayOverheadBenchmark {

    private static final Logger log = LoggerFactory.getLogger(GatewayOverheadBenchmark.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final int rate = Integer.getInteger("bench.rate", 1000);
    private final int seconds = Integer.getInteger("bench.seconds", 10);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 90);
    private final int tokens = Integer.getInteger("bench.tokens", 100);
    private final int maxInFlight = Integer.getInteger("bench.maxInFlight", 2000);
    private final String redisUrl = System.getProperty("bench.redisUrl", "redis://127.0.0.1:6379");
    private final BenchReport report = new BenchReport(log,
            Path.of(System.getProperty("bench.report", "target/bench/gateway-overhead.md")));

    public static void main(String[] args) {
        int exit = 0;
        try {
            new GatewayOverheadBenchmark().run();
        } catch (Exception | Error e) {
            log.error("Benchmark failed", e);
            exit = 1;
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        BenchSigningKey key = new BenchSigningKey();
        List<String> accessTokens = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            accessTokens.add(key.accessToken("bench-business-" + (i % 10), 3600));
        }
        report.line("# Gateway overhead — run of " + Instant.now());
        report.line("");
        report.line("Machine: %d processors; JVM %s %s; load average at start: %s".formatted(
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), DmLatencyBenchmark.loadAverage()));
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        try (TinyBackend backend = new TinyBackend(key.jwks())) {
            // Several builds (e.g. before and after a change) one after another, each in its own JVM.
            for (String jar : System.getProperty("bench.gatewayJar", System.getProperty("sellavie.jar.gateway", ""))
                    .split(",")) {
                try (BenchGateway gateway = BenchGateway.start(Path.of(jar.trim()), backend.baseUrl(), redisUrl,
                        Path.of(System.getProperty("bench.workDir", "target/bench-gateway")))) {
                    measure(clientThreads, backend, gateway, accessTokens);
                }
            }
        } finally {
            clientThreads.shutdownNow();
            report.write();
        }
    }

    private void measure(ExecutorService clientThreads, TinyBackend backend, BenchGateway gateway,
            List<String> accessTokens) throws Exception {
        report.line("");
        report.line("## `%s`".formatted(gateway.jar().getFileName()));
        report.line("Gateway: `%s`, JVM `%s`; %d req/s, %d s warm-up, %d rounds of %d s per route, %d tokens; "
                .formatted(gateway.jar(), gateway.jvmOptions(), rate, warmupSeconds, rounds, seconds, tokens)
                + "load average at start: " + DmLatencyBenchmark.loadAverage());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(clientThreads).build();
        Map<String, List<HttpRequest>> routes = new LinkedHashMap<>();
        routes.put("direct (backend)", requests(backend.baseUrl() + "/api/bench/ok", accessTokens));
        routes.put("gateway public `/.well-known/bench`", requests(gateway.baseUrl() + "/.well-known/bench", List.of()));
        routes.put("gateway `/api/bench/ok` (JWT + denylist + rate limit)",
                requests(gateway.baseUrl() + "/api/bench/ok", accessTokens));
        for (List<HttpRequest> requests : routes.values()) {
            answers200(http, requests.getFirst());
        }
        // Warm-up: the three interleaved (JIT, connection pools), then measured one at a time.
        List<HttpRequest> all = new ArrayList<>();
        for (int i = 0; i < accessTokens.size(); i++) {
            for (List<HttpRequest> requests : routes.values()) {
                all.add(requests.get(i % requests.size()));
            }
        }
        fire(http, all, warmupSeconds, "warm-up, all routes", gateway);
        gateway.startRecording();
        Map<String, List<Phase>> phases = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, List<HttpRequest>> route : routes.entrySet()) {
                phases.computeIfAbsent(route.getKey(), k -> new ArrayList<>())
                        .add(fire(http, route.getValue(), seconds, route.getKey() + " round " + round, gateway));
            }
        }
        gateway.stopRecording();
        report(phases);
    }

    /**
     * Fails unless {@code request} answers 200 within 30 attempts: the first calls may meet a cold Redis
     * connection or JWKS fetch, which a busy host can take longer than the edge waits (503, fail closed).
     */
    private static void answers200(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> answer = null;
        Exception failure = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                failure = e;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        throw new IllegalStateException(request.uri() + " answered " + (answer == null ? "nothing"
                : answer.statusCode() + ": " + answer.body()), failure);
    }

    /** One request per token (or one without a token), the same endpoint. */
    private static List<HttpRequest> requests(String url, List<String> accessTokens) {
        List<HttpRequest> requests = new ArrayList<>();
        for (String token : accessTokens.isEmpty() ? List.of("") : accessTokens) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET();
            if (!token.isEmpty()) {
                builder.header("Authorization", "Bearer " + token);
            }
            requests.add(builder.build());
        }
        return requests;
    }

    private void report(Map<String, List<Phase>> phases) {
        report.line("");
        report.line("| route | n | p50 ms | p90 ms | p99 ms | max ms | mean ms | non-200 | sent > 1 ms late "
                + "| gateway CPU µs per answered req, by round | load avg |");
        report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Map<String, MicroStats> merged = new LinkedHashMap<>();
        phases.forEach((route, list) -> {
            MicroStats stats = MicroStats.of(list.stream().flatMap(p -> p.micros().stream()).toList());
            merged.put(route, stats);
            report.line("| %s | %s | %d | %d | %s | %s |".formatted(route, stats.cells(),
                    list.stream().mapToLong(Phase::notOk).sum(), list.stream().mapToLong(Phase::late).sum(),
                    String.join(" / ", list.stream().map(p -> Long.toString(p.gatewayCpuMicros())).toList()),
                    String.join(" ", list.stream().map(Phase::load).toList())));
        });
        List<MicroStats> stats = List.copyOf(merged.values());
        MicroStats direct = stats.get(0);
        report.line("");
        report.line("| overhead vs direct | p50 ms | p99 ms | ratio p50 | ratio p99 |");
        report.line("|---|---:|---:|---:|---:|");
        List<String> names = List.copyOf(merged.keySet());
        for (int i = 1; i < stats.size(); i++) {
            MicroStats via = stats.get(i);
            report.line("| %s | %.2f | %.2f | %.2f | %.2f |".formatted(names.get(i),
                    (via.p50() - direct.p50()) / 1000.0, (via.p99() - direct.p99()) / 1000.0,
                    (double) via.p50() / direct.p50(), (double) via.p99() / direct.p99()));
        }
    }

    /**
     * Sends {@code rate * seconds} requests, cycling through {@code requests}, in open loop, then waits
     * for every answer (at most the request timeout: an unanswered request counts as not 200).
     */
    private Phase fire(HttpClient http, List<HttpRequest> requests, int seconds, String what, BenchGateway gateway)
            throws Exception {
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<CompletableFuture<?>> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        Duration cpuBefore = gateway.cpuTime();
        OpenLoop.Run run = OpenLoop.runPrecise(total, rate, (index, dueNanos) -> {
            // The JDK client opens a connection per concurrent request: past the cap a request is not sent
            // (counted as -2, not 200) rather than running the harness out of file descriptors.
            if (inFlight.incrementAndGet() > maxInFlight) {
                inFlight.decrementAndGet();
                statuses.merge(-2, 1, Integer::sum);
                return;
            }
            answers.add(http.sendAsync(requests.get(index % requests.size()), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, error) -> {
                        micros.add((System.nanoTime() - dueNanos) / 1_000);
                        inFlight.decrementAndGet();
                        statuses.merge(error == null ? response.statusCode() : -1, 1, Integer::sum);
                    }));
        }, log, what);
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).handle((ignored, error) -> null)
                    .get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("{}: {} of {} requests unanswered", what, total - micros.size(), total);
        }
        // Per answered request: requests never sent or never answered cost the gateway little or nothing.
        long cpuMicrosPerRequest = gateway.cpuTime().minus(cpuBefore).toNanos() / 1_000
                / Math.max(1, statuses.getOrDefault(200, 0));
        log.info("{}: statuses {} (-1: no answer, -2: not sent, over {} in flight), {}, gateway CPU {} µs/request",
                what, statuses, maxInFlight, MicroStats.of(micros).cells(), cpuMicrosPerRequest);
        long late = run.latenessMillis().stream().filter(l -> l >= 1).count();
        return new Phase(List.copyOf(micros), total - statuses.getOrDefault(200, 0), late,
                String.join("/", run.loadSamples()), cpuMicrosPerRequest);
    }

    /**
     * One open-loop phase: latencies (µs from due time), answers other than 200, late sends, load samples,
     * and the gateway's CPU time per request (independent of how busy the rest of the machine is).
     */
    private record Phase(List<Long> micros, long notOk, long late, String load, long gatewayCpuMicros) {
    }
}
