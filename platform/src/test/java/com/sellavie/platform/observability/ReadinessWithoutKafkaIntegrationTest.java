package com.sellavie.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.TcpProxy;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.testservice.ActuatorClient;
import com.sellavie.platform.testservice.OutageTestService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Readiness means "can do my HTTP work": a service whose broker is unreachable still takes traffic. */
class ReadinessWithoutKafkaIntegrationTest {

    @Test
    void readyAndLiveWhileKafkaIsUnreachableWhichHealthStillShows() {
        // Given a service whose only way to Kafka is cut
        String[] broker = TestKafka.bootstrapServers().split(",")[0].split(":");
        try (TcpProxy kafka = TcpProxy.to(broker[0], Integer.parseInt(broker[1]))) {
            kafka.cut();
            try (ConfigurableApplicationContext service = OutageTestService.start("no-kafka-it",
                    Map.of("spring.kafka.bootstrap-servers", kafka.address()), "sellavie.relay.enabled=false")) {
                ActuatorClient actuator = new ActuatorClient(
                        Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));

                // Then it stays in the load balancer and is not restarted
                ActuatorClient.Answer readiness = actuator.get("/actuator/health/readiness");
                assertThat(readiness.status()).isEqualTo(200);
                assertThat(readiness.body().get("status")).isEqualTo("UP");
                assertThat(readiness.components()).containsOnlyKeys("readinessState", "db", "schemaRegistry");
                ActuatorClient.Answer liveness = actuator.get("/actuator/health/liveness");
                assertThat(liveness.status()).isEqualTo(200);
                assertThat(liveness.components()).containsOnlyKeys("livenessState");

                // And the full health tells an operator that Kafka is down
                ActuatorClient.Answer health = actuator.get("/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.component("kafka").get("status")).isEqualTo("DOWN");
            }
        }
    }
}
