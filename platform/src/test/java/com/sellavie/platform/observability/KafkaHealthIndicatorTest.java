package com.sellavie.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.RefusingPort;
import com.sellavie.platform.test.TestKafka;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KafkaHealthIndicatorTest {

    @Test
    void upWhenTheClusterAnswers() {
        KafkaHealthIndicator indicator = indicatorFor(TestKafka.bootstrapServers());
        try {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKeys("clusterId", "nodes");
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void downWithinItsTimeoutWhenNoBrokerAnswers() {
        try (RefusingPort nothingListens = RefusingPort.open()) {
            KafkaHealthIndicator indicator = indicatorFor(nothingListens.address());
            try {
                long started = System.nanoTime();
                Health health = indicator.health();

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            } finally {
                indicator.destroy();
            }
        }
    }

    private static KafkaHealthIndicator indicatorFor(String bootstrapServers) {
        return new KafkaHealthIndicator(Map.of("bootstrap.servers", bootstrapServers), Duration.ofMillis(1500));
    }
}
