package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.ListenPorts;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import com.sellavie.systemtests.stack.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The project's Prometheus configuration against the running services, with a real Prometheus: Debian's 2.42,
 * the one the local `observability` stand-in runs (infra/compose/observability-local.yml). After a DM has been
 * answered (every trace sampled, so timers hold trace exemplars), every job of infra/observability/prometheus.yml
 * scrapes its service without error, and every rule of alerts.yml evaluates against the real series.
 *
 * <p>The stack runs with {@code SELLAVIE_PROMETHEUS_EXEMPLARS_ON_ALL_SERIES=false}, as the stand-in does: a
 * Prometheus before 2.43 refuses a whole scrape with an exemplar on a {@code _count} series, where Micrometer puts
 * one by default (docs/operations.md, "Traces and logs").
 */
@ExtendWith(SellavieStackExtension.class)
class PrometheusScrapeJourneyIT {

    private static final Path OBSERVABILITY = SellavieStack.projectDirectory().resolve("infra/observability");
    /** A job's target, "- targets: [\"<compose service>:<port>\"]" (not the commented-out Alertmanager's). */
    private static final Pattern STATIC_TARGET = Pattern.compile("(?m)^(\\s+- )targets: \\[\"([a-z]+):(\\d+)\"]");
    private static final String OPEN_METRICS = "application/openmetrics-text;version=1.0.0;q=1.0";

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process prometheus;
    private static String prometheusUrl;
    private static Path workDir;

    @BeforeAll
    static void startPrometheus(SellavieStack stack) throws IOException {
        workDir = Files.createTempDirectory(stack.workingDirectory(), "prometheus-");
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, scrapingTheStack(Files.readString(OBSERVABILITY.resolve("prometheus.yml")), stack));
        int port = ListenPorts.free();
        prometheusUrl = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder(prometheusBinary(), "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    @Test
    void everyServiceIsScrapedAndEveryAlertRuleEvaluatesAfterATracedDm(SellavieStack stack) throws Exception {
        // Given a DM answered end to end: its spans were sampled, so the services' timers carry trace exemplars
        MetaGraphApi meta = stack.metaGraphApi();
        Shop shop;
        try (IngestRouting routing = new IngestRouting(stack.kafkaBootstrap())) {
            shop = Shop.open(stack, routing);
        }
        String customer = shop.newCustomer();
        shop.deliver(shop.dm(customer, "Hi, do you have the linen shirt in blue?"));
        Replies.awaitFirstReply(meta, shop, customer, Duration.ofSeconds(90));
        Instant answered = Instant.now();

        // Then the services expose exemplars, where OpenMetrics puts them everywhere: counters and histogram buckets
        String exposition = get(stack.service("conversation").managementUrl() + "/actuator/prometheus", OPEN_METRICS);
        List<String> seriesWithExemplars = seriesWithExemplars(exposition);
        assertThat(seriesWithExemplars).as("series of conversation-service carrying a trace exemplar").isNotEmpty()
                .allMatch(series -> series.endsWith("_total") || series.endsWith("_bucket"));

        // And Prometheus scrapes every job of the project's configuration without an error, after the DM
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode targets = json(get(prometheusUrl + "/api/v1/targets?state=active", null)).path("data")
                    .path("activeTargets");
            assertThat(jobs(targets)).containsExactlyInAnyOrderElementsOf(jobsOf(OBSERVABILITY.resolve("prometheus.yml")));
            for (JsonNode target : targets) {
                assertThat(target.path("health").asText()).as("%s: %s", target.path("labels").path("job").asText(),
                        target.path("lastError").asText()).isEqualTo("up");
                assertThat(instant(target.path("lastScrape"))).isAfter(answered);
            }
        });

        // And every alert rule of alerts.yml is loaded and evaluates against the real series without an error
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> rules = new ArrayList<>();
            json(get(prometheusUrl + "/api/v1/rules?type=alert", null)).path("data").path("groups")
                    .forEach(group -> group.path("rules").forEach(rules::add));
            assertThat(rules).extracting(rule -> rule.path("name").asText())
                    .containsExactlyInAnyOrderElementsOf(alertNames());
            for (JsonNode rule : rules) {
                assertThat(rule.path("health").asText()).as("%s: %s", rule.path("name").asText(),
                        rule.path("lastError").asText()).isEqualTo("ok");
                assertThat(instant(rule.path("lastEvaluation"))).isAfter(answered);
            }
        });
    }

    /** prometheus.yml with each compose target replaced by that service's actuator here, scraping every second. */
    private static String scrapingTheStack(String config, SellavieStack stack) {
        Matcher target = STATIC_TARGET.matcher(config);
        StringBuilder rewritten = new StringBuilder();
        while (target.find()) {
            ServiceProcess service = stack.service(target.group(2));
            String hostAndPort = URI.create(service.managementUrl()).getAuthority();
            target.appendReplacement(rewritten, Matcher.quoteReplacement(target.group(1) + "targets: [\"" + hostAndPort
                    + "\"]"));
        }
        target.appendTail(rewritten);
        return rewritten.toString()
                .replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("evaluation_interval: 30s", "evaluation_interval: 1s")
                .replace("  - alerts.yml", "  - " + OBSERVABILITY.resolve("alerts.yml"));
    }

    /** The names of the samples followed by an exemplar ({@code name{labels} value # {trace_id=...} ...}). */
    private static List<String> seriesWithExemplars(String exposition) {
        return exposition.lines().filter(line -> !line.startsWith("#") && line.contains(" # {"))
                .map(line -> line.split("[{ ]", 2)[0]).toList();
    }

    private static Instant instant(JsonNode rfc3339) {
        return OffsetDateTime.parse(rfc3339.asText()).toInstant();
    }

    private static List<String> jobs(JsonNode targets) {
        List<String> jobs = new ArrayList<>();
        targets.forEach(target -> jobs.add(target.path("labels").path("job").asText()));
        return jobs;
    }

    private static List<String> jobsOf(Path config) throws IOException {
        return Pattern.compile("job_name: (\\S+)").matcher(Files.readString(config)).results()
                .map(match -> match.group(1)).toList();
    }

    private static List<String> alertNames() throws IOException {
        return Pattern.compile("- alert: (\\S+)").matcher(Files.readString(OBSERVABILITY.resolve("alerts.yml")))
                .results().map(match -> match.group(1)).toList();
    }

    private static String prometheusBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "prometheus"))) {
                return Path.of(dir, "prometheus").toString();
            }
        }
        throw new IllegalStateException("Prometheus is required by this journey and not on PATH: "
                + "apt-get install -y prometheus (Debian's package; .ci/run installs it)");
    }

    private static String get(String url, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(String body) throws IOException {
        return Gateway.JSON.readTree(body);
    }
}
