package com.sellavie.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every metric an alert or a dashboard reads is one the code registers: renaming a meter breaks the build. */
class MetricNamesTest {

    /**
     * Meters the frameworks register (not found in this project's sources), each checked elsewhere:
     * Spring's HTTP server observation; Spring Boot's Kafka client metrics (platform's
     * ActuatorIntegrationTest sees records-lag-max on /actuator/prometheus); Prometheus's own {@code up}.
     */
    private static final Set<String> FRAMEWORK = Set.of("http_server_requests_seconds_count",
            "kafka_consumer_fetch_manager_records_lag_max", "up");

    private static Set<String> registered;

    @BeforeAll
    static void scanSources() {
        registered = RegisteredMeters.scan(Repository.root()).prometheusNames();
    }

    @Test
    void theScanFindsMetersOfEachKindAndItsNamingFollowsMicrometers() {
        assertThat(registered).contains(
                "sellavie_outbound_sends_total", // Counter.builder with a literal
                "sellavie_ingest_meta_webhooks_total", // registry.counter(literal)
                "sellavie_relay_dead_letters_total", // registry.counter(CONSTANT)
                "sellavie_commerce_payments_total", // registry.counter(OtherClass.CONSTANT) and (CONSTANT)
                "sellavie_conversation_reply_latency_seconds_bucket", // Timer.builder(CONSTANT)
                "sellavie_relay_published_total", // FunctionCounter
                "sellavie_relay_leader", // Gauge
                "sellavie_relay_slot_lag_bytes", // Gauge with a base unit
                "sellavie_identity_account_email_throttled_total") // dashes too
                .doesNotContain("sellavie_relay_slot_lag", "sellavie_outbound_sends");
    }

    @Test
    void everyMetricAnAlertReadsIsRegistered() {
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (ObservabilityFiles.Alert alert : ObservabilityFiles.alerts()) {
            Set<String> names = PromQl.metricNames(alert.expr());
            assertThat(names).as("metrics of %s", alert.name()).isNotEmpty();
            names.stream().filter(n -> !known(n)).forEach(n -> unknown.computeIfAbsent(n, k -> new TreeSet<>())
                    .add(alert.name()));
        }
        assertThat(unknown).as("metrics no code registers (renamed meter?), by alert").isEmpty();
    }

    @Test
    void everyMetricADashboardReadsIsRegistered() {
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (String expr : ObservabilityFiles.dashboardExpressions()) {
            PromQl.metricNames(expr).stream().filter(n -> !known(n))
                    .forEach(n -> unknown.computeIfAbsent(n, k -> new TreeSet<>()).add(expr));
        }
        assertThat(unknown).as("metrics no code registers (renamed meter?), by expression").isEmpty();
    }

    @Test
    void theExpressionReaderFindsMetricsNotFunctionsLabelsOrRanges() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket{outcome=\"sent\","
                + "le=\"5.0\"}[$__rate_interval]))) / on (job) b_total > 64 * 1024 and deriv(c_bytes[15m]) > 0"))
                .containsExactly("a_seconds_bucket", "b_total", "c_bytes");
    }

    private static boolean known(String name) {
        return registered.contains(name) || FRAMEWORK.contains(name);
    }
}
