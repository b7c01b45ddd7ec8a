package com.sellavie.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How start-up schema registration is retried in the background while the registry cannot be
 * reached: exponential backoff, without end (the service is not ready until it succeeds).
 *
 * @param initialInterval first wait after a failed attempt (default 1 s)
 * @param maxInterval     longest wait between attempts (default 60 s)
 */
@ConfigurationProperties("sellavie.schema-registry.registration")
public record SchemaRegistrationProperties(Duration initialInterval, Duration maxInterval) {

    public SchemaRegistrationProperties {
        initialInterval = initialInterval == null ? Duration.ofSeconds(1) : initialInterval;
        maxInterval = maxInterval == null ? Duration.ofSeconds(60) : maxInterval;
        if (initialInterval.isNegative() || initialInterval.isZero() || maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("sellavie.schema-registry.registration: initial-interval must be "
                    + "positive and max-interval >= initial-interval; got " + initialInterval + ", " + maxInterval);
        }
    }
}
