package com.sellavie.platform.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Observability settings.
 *
 * @param kafkaHealthTimeout how long the Kafka health check waits for the cluster (default 2 s)
 */
@ConfigurationProperties("sellavie.observability")
public record ObservabilityProperties(Duration kafkaHealthTimeout) {

    public ObservabilityProperties {
        kafkaHealthTimeout = kafkaHealthTimeout == null ? Duration.ofSeconds(2) : kafkaHealthTimeout;
    }
}
