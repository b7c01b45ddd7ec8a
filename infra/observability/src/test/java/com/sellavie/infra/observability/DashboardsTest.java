package com.sellavie.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Grafana dashboards import as they are: each panel reads Prometheus through the dashboard's datasource. */
class DashboardsTest {

    @Test
    void thereIsAnOverviewAnsweringTheIssuesQuestions() {
        JsonNode overview = ObservabilityFiles.dashboard(Repository.observability()
                .resolve("grafana/sellavie-overview.json"));
        List<String> exprs = ObservabilityFiles.panels(overview).stream()
                .flatMap(p -> p.path("targets").valueStream()).map(t -> t.path("expr").asString()).toList();

        assertThat(String.join("\n", exprs)).contains("sellavie_ingest_meta_events_total",
                "sellavie_outbound_sends_total", "histogram_quantile(0.5", "histogram_quantile(0.99",
                "sellavie_conversation_reply_latency_seconds_bucket", "kafka_consumer_fetch_manager_records_lag_max",
                "sellavie_relay_leader", "sellavie_relay_slot_lag_bytes", "dead_lettered",
                "sellavie_ai_provider_failovers_total", "sellavie_commerce_payments_total",
                "sellavie_ingest_meta_webhooks_total");
    }

    @Test
    void everyPanelHasAPrometheusDatasourceAndEveryQueryAnExpressionOnAMetric() {
        assertThat(ObservabilityFiles.dashboardFiles()).isNotEmpty();
        for (Path file : ObservabilityFiles.dashboardFiles()) {
            JsonNode dashboard = ObservabilityFiles.dashboard(file);
            assertThat(dashboard.path("uid").asString()).as("%s uid", file).isNotBlank();
            assertThat(dashboard.path("title").asString()).as("%s title", file).isNotBlank();
            Set<String> variables = new HashSet<>();
            dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asString()));
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : ObservabilityFiles.panels(dashboard)) {
                String title = file.getFileName() + " / " + panel.path("title").asString();
                assertThat(ids.add(panel.path("id").asInt())).as("%s: unique id", title).isTrue();
                assertThat(panel.path("gridPos").isObject()).as("%s: gridPos", title).isTrue();
                if ("row".equals(panel.path("type").asString())) {
                    continue;
                }
                assertDatasource(panel.path("datasource"), variables, title);
                assertThat(panel.path("targets").isEmpty()).as("%s: has queries", title).isFalse();
                for (JsonNode target : panel.path("targets")) {
                    assertDatasource(target.path("datasource"), variables, title);
                    String expr = target.path("expr").asString();
                    assertThat(expr).as("%s: expr", title).isNotBlank();
                    assertThat(PromQl.metricNames(expr)).as("%s: metrics read by %s", title, expr).isNotEmpty();
                }
            }
        }
    }

    private static void assertDatasource(JsonNode datasource, Set<String> variables, String where) {
        assertThat(datasource.path("type").asString()).as("%s: datasource type", where).isEqualTo("prometheus");
        String uid = datasource.path("uid").asString();
        assertThat(uid).as("%s: datasource uid", where).isNotBlank();
        if (uid.startsWith("${")) {
            assertThat(variables).as("%s: datasource variable %s defined", where, uid)
                    .contains(uid.substring(2, uid.length() - 1));
        }
    }
}
