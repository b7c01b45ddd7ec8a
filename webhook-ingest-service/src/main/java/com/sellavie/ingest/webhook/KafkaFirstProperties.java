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
 * @param fromRequest true (the default): a webhook whose every route is in memory is published from its request thread
 *                   without a transaction ({@link WebhookEvents#publishNow}); false: every webhook goes through a
 *                   group-commit transaction
 * @param linger     the producer's {@code linger.ms} (default 1 ms): how long a send waits for concurrent webhooks'
 *                   sends to share its produce request; with each webhook sending from its own thread, 0 made a
 *                   request per webhook and cost more CPU than the group-commit writer's batches (docs/benchmarks.md)
 */
@ConfigurationProperties("sellavie.ingest.kafka-first")
public record KafkaFirstProperties(Boolean enabled, Duration ackTimeout, Boolean fromRequest, Duration linger) {

    public KafkaFirstProperties {
        enabled = enabled == null || enabled;
        fromRequest = fromRequest == null || fromRequest;
        linger = linger == null ? Duration.ofMillis(1) : linger;
        if (linger.isNegative()) {
            throw new IllegalArgumentException("sellavie.ingest.kafka-first.linger must not be negative (got " + linger
                    + ")");
        }
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(1) : ackTimeout;
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("sellavie.ingest.kafka-first.ack-timeout must be positive (got "
                    + ackTimeout + ")");
        }
    }
}
