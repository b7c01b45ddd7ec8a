package com.sellavie.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a failing record is retried before it goes to its dead-letter topic: exponential backoff,
 * bounded. Defaults: 3 retries, 200 ms doubling up to 2 s.
 */
@ConfigurationProperties("sellavie.kafka.retry")
public record KafkaRetryProperties(Integer maxRetries, Duration initialInterval, Double multiplier,
        Duration maxInterval) {

    public KafkaRetryProperties {
        maxRetries = maxRetries == null ? 3 : maxRetries;
        initialInterval = initialInterval == null ? Duration.ofMillis(200) : initialInterval;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxInterval = maxInterval == null ? Duration.ofSeconds(2) : maxInterval;
    }
}
