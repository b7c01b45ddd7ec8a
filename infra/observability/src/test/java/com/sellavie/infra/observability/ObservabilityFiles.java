package com.sellavie.infra.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The alert rules and Grafana dashboards of infra/observability, parsed. */
final class ObservabilityFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Alert(String name, String expr, Map<String, Object> labels, Map<String, Object> annotations) {
    }

    private ObservabilityFiles() {
    }

    @SuppressWarnings("unchecked")
    static List<Alert> alerts() {
        Map<String, Object> rules = new Yaml().load(read(Repository.observability().resolve("alerts.yml")));
        List<Alert> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.add(new Alert((String) rule.get("alert"), String.valueOf(rule.get("expr")),
                        (Map<String, Object>) rule.getOrDefault("labels", Map.of()),
                        (Map<String, Object>) rule.getOrDefault("annotations", Map.of())));
            }
        }
        return alerts;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> alertTests() {
        return new Yaml().load(read(Repository.observability().resolve("alerts.test.yml")));
    }

    static List<Path> dashboardFiles() {
        try (Stream<Path> files = Files.list(Repository.observability().resolve("grafana"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard(Path file) {
        return JSON.readTree(read(file));
    }

    /** Every panel of a dashboard, rows' nested panels included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    static List<String> dashboardExpressions() {
        List<String> exprs = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            for (JsonNode panel : panels(dashboard(file))) {
                panel.path("targets").forEach(target -> exprs.add(target.path("expr").asString()));
            }
        }
        return exprs;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
