package com.sellavie.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a record whose handling failed transiently is retried before it goes to its dead-letter topic:
 * exponential backoff (each wait pausing only the record's partition, never the consumer thread)
 * until the waits add up to {@code horizon}. A permanent failure is never retried.
 *
 * @param initialInterval first wait (default 200 ms)
 * @param multiplier      growth of each next wait (default 2)
 * @param maxInterval     longest single wait (default 30 s)
 * @param horizon         total waiting after which a still failing record is dead-lettered (default 15 min)
 */
@ConfigurationProperties("sellavie.kafka.retry")
public record KafkaRetryProperties(Duration initialInterval, Double multiplier, Duration maxInterval,
        Duration horizon) {

    public KafkaRetryProperties {
        initialInterval = initialInterval == null ? Duration.ofMillis(200) : initialInterval;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxInterval = maxInterval == null ? Duration.ofSeconds(30) : maxInterval;
        horizon = horizon == null ? Duration.ofMinutes(15) : horizon;
        if (initialInterval.isNegative() || initialInterval.isZero() || multiplier < 1.0
                || maxInterval.compareTo(initialInterval) < 0 || horizon.isNegative()) {
            throw new IllegalArgumentException("sellavie.kafka.retry: initial-interval must be positive, multiplier "
                    + ">= 1, max-interval >= initial-interval and horizon >= 0; got " + initialInterval + ", "
                    + multiplier + ", " + maxInterval + ", " + horizon);
        }
    }
}
