package com.sellavie.ingest.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka-first delivery of Meta webhooks' routed events ({@code sellavie.ingest.kafka-first.*}), on by default:
 * docs/benchmarks.md "Ingest throughput" has the measurement behind that choice.
 *
 * @param enabled    true: routed events go to Kafka at commit and only those Kafka does not acknowledge in time are
 *                   written to the outbox; false: every event goes through the outbox
 * @param ackTimeout how long a commit waits for Kafka's acknowledgements before writing the rest to the outbox
 */
@ConfigurationProperties("sellavie.ingest.kafka-first")
public record KafkaFirstProperties(Boolean enabled, Duration ackTimeout) {

    public KafkaFirstProperties {
        enabled = enabled == null || enabled;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(1) : ackTimeout;
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("sellavie.ingest.kafka-first.ack-timeout must be positive (got "
                    + ackTimeout + ")");
        }
    }
}
