package com.sellavie.systemtests.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.systemtests.stack.Infrastructure;
import com.sellavie.systemtests.stack.SellavieStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9's two measurements (docs/benchmarks.md, "Log-in latency" and "Gateway authentication
 * overhead") on the whole stack as in system-tests:
 * <ol>
 *   <li>the gateway's cost of JWT verification + denylist + rate limit per request: the same identity
 *   endpoint (its JWKS, no database) reached through the public {@code /.well-known/jwks.json} route and
 *   through {@code /api/bench/jwks}, a route added for this run only, which as every {@code /api/**}
 *   path needs a token, is checked against the denylist and is rate limited (the per-business bucket is
 *   raised for the run so that its cost is measured, not its refusals); open loop, {@code bench.gatewayRate}/s;</li>
 *   <li>log-in latency straight at identity (bcrypt cost 12, production's) in open loop at each rate of
 *   {@code bench.loginRates}, the last for {@code bench.loginSeconds} (the issue's 20/s for 60 s).</li>
 * </ol>
 * Latency counts from when a request was due, so a harness or a system that falls behind shows it.
 *
 * <p>Not a test: {@code ./mvnw -B -o -pl system-tests -Pbench-auth verify}; the report is logged and
 * written to {@code bench.report}.
 */
public final class AuthBenchmark {

    private static final Logger log = LoggerFactory.getLogger(AuthBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "linen-Shirts-2026";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final int users = Integer.getInteger("bench.users", 20);
    private final List<Integer> loginRates = Arrays.stream(System.getProperty("bench.loginRates", "2,4,6,20")
            .split(",")).map(String::trim).map(Integer::valueOf).toList();
    private final int sweepSeconds = Integer.getInteger("bench.sweepSeconds", 30);
    private final int loginSeconds = Integer.getInteger("bench.loginSeconds", 60);
    private final int gatewayRate = Integer.getInteger("bench.gatewayRate", 2000);
    private final int gatewaySeconds = Integer.getInteger("bench.gatewaySeconds", 30);
    private final int gatewayWarmupSeconds = Integer.getInteger("bench.gatewayWarmupSeconds", 15);
    private final BenchReport report = new BenchReport(log,
            Path.of(System.getProperty("bench.report", "target/bench/auth.md")));

    public static void main(String[] args) {
        int exit = 0;
        try {
            new AuthBenchmark().run();
        } catch (Exception | AssertionError e) {
            log.error("Benchmark failed", e);
            exit = 1;
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        report.line("# Log-in latency and gateway authentication overhead — run of " + Instant.now());
        report.line("");
        report.line("Machine: %d processors; JVM %s %s; load average at start: %s".formatted(
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), DmLatencyBenchmark.loadAverage()));
        report.line("Service JVMs: `%s`".formatted(System.getProperty("sellavie.stack.jvm-options", "(harness default)")));
        long t0 = System.nanoTime();
        TestPostgres.get();
        TestKafka.bootstrapServers();
        TestSchemaRegistry.baseUrl();
        Path routes = benchRoutes();
        try (SellavieStack stack = SellavieStack.start(Infrastructure.shared(), Map.of(
                "SPRING_CONFIG_ADDITIONAL_LOCATION", routes.toUri().toString(),
                "SELLAVIE_GATEWAY_API_RATE", "1000000",
                "SELLAVIE_GATEWAY_API_BURST", "1000000"))) {
            report.line("Stack ready %.0f s after start (load average now %s)".formatted((System.nanoTime() - t0) / 1e9,
                    DmLatencyBenchmark.loadAverage()));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
            String identity = stack.service("identity").baseUrl();
            List<String> emails = signUp(http, identity);
            String token = JSON.readTree(http.send(loginRequest(identity, emails.getFirst(), "10.9.0.1"),
                    HttpResponse.BodyHandlers.ofString()).body()).path("accessToken").asText();
            gatewayOverhead(http, stack.gatewayUrl(), token);
            logins(http, identity, emails);
        } finally {
            report.write();
        }
    }

    /** The run's gateway routes: identity's (as configured), and /api/bench/jwks to identity's JWKS. */
    private static Path benchRoutes() throws Exception {
        Path file = Files.createTempFile("bench-auth-routes", ".yml");
        Files.writeString(file, """
                spring:
                  cloud:
                    gateway:
                      server:
                        webflux:
                          routes:
                            - id: identity
                              uri: ${SELLAVIE_IDENTITY_URL}
                              predicates:
                                - Path=/api/auth/**,/api/me,/api/me/**,/.well-known/**
                            - id: bench-jwks
                              uri: ${SELLAVIE_IDENTITY_URL}
                              predicates:
                                - Path=/api/bench/jwks
                              filters:
                                - SetPath=/.well-known/jwks.json
                """, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    private List<String> signUp(HttpClient http, String identity) throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String email = "bench-auth-" + suffix + "@example.com";
            HttpResponse<String> signedUp = http.send(HttpRequest.newBuilder(URI.create(identity + "/api/auth/signup"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.8.0." + (i % 250 + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email,
                            "password", PASSWORD, "businessName", "Bench Auth " + suffix))))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (signedUp.statusCode() / 100 != 2) {
                throw new IllegalStateException("sign-up answered " + signedUp.statusCode() + ": " + signedUp.body());
            }
            emails.add(email);
        }
        log.info("{} accounts signed up", users);
        return emails;
    }

    private void gatewayOverhead(HttpClient http, String gateway, String token) throws Exception {
        report.line("");
        report.line("## Gateway: JWT + denylist + rate limit per request, at %d req/s".formatted(gatewayRate));
        HttpRequest open = HttpRequest.newBuilder(URI.create(gateway + "/.well-known/jwks.json"))
                .timeout(REQUEST_TIMEOUT).GET().build();
        HttpRequest authenticated = HttpRequest.newBuilder(URI.create(gateway + "/api/bench/jwks"))
                .header("Authorization", "Bearer " + token).timeout(REQUEST_TIMEOUT).GET().build();
        if (http.send(authenticated, HttpResponse.BodyHandlers.ofString()).statusCode() != 200
                || http.send(open, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
            throw new IllegalStateException("the bench routes do not answer 200");
        }
        // Both paths warmed together (JIT, connection pool) before either is measured.
        fire(http, List.of(open, authenticated), gatewayRate, gatewayWarmupSeconds, "gateway warm-up");
        report.line("| route | n | p50 ms | p95 ms | p99 ms | max ms | mean ms | non-200 | harness late > 10 ms | load avg |");
        report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Phase publicRoute = fire(http, List.of(open), gatewayRate, gatewaySeconds, "public route");
        report.line(publicRoute.row("public `/.well-known/jwks.json`"));
        Phase protectedRoute = fire(http, List.of(authenticated), gatewayRate, gatewaySeconds, "authenticated route");
        report.line(protectedRoute.row("authenticated `/api/bench/jwks`"));
        report.line("Ratio authenticated / public: p50 %.2f, p99 %.2f".formatted(
                ratio(protectedRoute.stats().p50(), publicRoute.stats().p50()),
                ratio(protectedRoute.stats().p99(), publicRoute.stats().p99())));
    }

    private void logins(HttpClient http, String identity, List<String> emails) throws Exception {
        report.line("");
        report.line("## Log-in straight at identity (bcrypt cost 12)");
        report.line("| rate /s | s | n | p50 ms | p95 ms | p99 ms | max ms | mean ms | non-200 | harness late > 10 ms | load avg |");
        report.line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        // Each account logs in from its own client address: the per-client throttle counts failures only,
        // but a real crowd has many addresses.
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < emails.size(); i++) {
            requests.add(loginRequest(identity, emails.get(i), "10.9." + (i / 250) + "." + (i % 250 + 1)));
        }
        for (int i = 0; i < loginRates.size(); i++) {
            int rate = loginRates.get(i);
            int seconds = i == loginRates.size() - 1 ? loginSeconds : sweepSeconds;
            Phase phase = fire(http, requests, rate, seconds, "log-in at " + rate + "/s");
            report.line("| %d | %d %s".formatted(rate, seconds, phase.row("").substring(3)));
        }
    }

    private static HttpRequest loginRequest(String identity, String email, String clientAddress) throws IOException {
        return HttpRequest.newBuilder(URI.create(identity + "/api/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("email", email,
                        "password", PASSWORD))))
                .build();
    }

    /**
     * Sends {@code rate * seconds} requests, cycling through {@code requests}, in open loop, then waits
     * for every answer (at most the request timeout: an unanswered request counts as not 200).
     */
    private static Phase fire(HttpClient http, List<HttpRequest> requests, int rate, int seconds, String what)
            throws Exception {
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<CompletableFuture<?>> answers = new ConcurrentLinkedQueue<>();
        OpenLoop.Run run = OpenLoop.run(total, rate, (index, scheduledMillis) -> answers.add(
                http.sendAsync(requests.get(index % requests.size()), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            latencies.add(System.currentTimeMillis() - scheduledMillis);
                            statuses.merge(error == null ? response.statusCode() : -1, 1, Integer::sum);
                        })), log, what);
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).handle((ignored, error) -> null)
                    .get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // Still unanswered: counted as not 200, and absent from the latencies (reported as such).
            log.warn("{}: {} of {} requests unanswered", what, total - latencies.size(), total);
        }
        long late = run.latenessMillis().stream().filter(l -> l > 10).count();
        log.info("{}: statuses {} (-1: no answer)", what, statuses);
        return new Phase(Stats.of(latencies), total - statuses.getOrDefault(200, 0), late,
                String.join(" ", run.loadSamples()));
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /** One open-loop phase: latency from due time, answers other than 200 (or none), late sends, load samples. */
    private record Phase(Stats stats, long notOk, long late, String load) {

        String row(String label) {
            return stats.row(label) + " %d | %d | %s |".formatted(notOk, late, load);
        }
    }
}
