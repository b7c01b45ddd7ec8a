package com.sellavie.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox retention ({@code sellavie.outbox.*}).
 *
 * @param retention       how long a written event stays in the outbox table: the window in which a relay that
 *                        lost its replication slot can still publish it again. Longer than any relay outage you
 *                        mean to survive without loss. Default 24 hours.
 * @param cleanupInterval how often expired rows are deleted. Default 10 minutes.
 * @param cleanupBatch    rows deleted per statement, so no delete holds locks for long. Default 10,000.
 */
@ConfigurationProperties("sellavie.outbox")
public record OutboxRetentionProperties(Duration retention, Duration cleanupInterval, Integer cleanupBatch) {

    public OutboxRetentionProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(10) : cleanupInterval;
        cleanupBatch = cleanupBatch == null ? 10_000 : cleanupBatch;
        if (retention.isNegative() || retention.isZero() || cleanupInterval.isNegative() || cleanupInterval.isZero()
                || cleanupBatch <= 0) {
            throw new IllegalArgumentException("sellavie.outbox.retention, cleanup-interval and cleanup-batch must be "
                    + "positive (got " + retention + ", " + cleanupInterval + ", " + cleanupBatch + ")");
        }
    }
}
