package com.sellavie.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.platform.testservice.ConsumerServiceTest;
import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@ConsumerServiceTest
class ActuatorIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void livenessIsUpAndDependsOnNothingOutside() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> health = read(response.body());
        assertThat(health.get("status")).isEqualTo("UP");
        assertThat(components(health)).containsOnlyKeys("livenessState");
    }

    @Test
    void readinessIsUpAndGatedByTheDatabaseAndTheSchemaRegistrationOnly() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> health = read(response.body());
        assertThat(health.get("status")).isEqualTo("UP");
        assertThat(components(health)).containsOnlyKeys("readinessState", "db", "schemaRegistry");
        assertThat(map(components(health).get("schemaRegistry")).get("status")).isEqualTo("UP");
    }

    @Test
    void fullHealthShowsKafkaWithItsCluster() throws Exception {
        Map<String, Object> health = read(get("/actuator/health").body());

        Map<String, Object> kafka = map(components(health).get("kafka"));
        assertThat(kafka.get("status")).isEqualTo("UP");
        assertThat(map(kafka.get("details")).get("clusterId")).isNotNull();
    }

    @Test
    void prometheusServesMetrics() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void prometheusServesConsumerLagPerListenerConsumer() {
        // Spring Boot binds each consumer's client metrics; the client id names the group (consumer-<group>-n),
        // which is how the lag alert and dashboard tell groups apart.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"consumer-[^\"]+-\\d+\""));
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() throws Exception {
        Map<String, Object> links = map(read(get("/actuator").body()).get("_links"));

        assertThat(links.keySet()).allMatch(name -> name.toString().matches("self|health.*|info|prometheus"));
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    }

    private static Map<String, Object> components(Map<String, Object> health) {
        return map(health.get("components"));
    }

    private Map<String, Object> read(String body) {
        return map(json.readValue(body, Map.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
