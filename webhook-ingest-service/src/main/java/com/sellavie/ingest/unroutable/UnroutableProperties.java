package com.sellavie.ingest.unroutable;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long unroutable DMs are kept ({@code retention}; Meta retries a webhook for up to 7 days, and
 * a merchant connecting a channel takes minutes to days), how often expired ones are deleted, and
 * how many per statement.
 */
@ConfigurationProperties("sellavie.ingest.unroutable")
public record UnroutableProperties(@DefaultValue("7d") Duration retention,
        @DefaultValue("15m") Duration cleanupInterval, @DefaultValue("1000") int cleanupBatch) {

    public UnroutableProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("sellavie.ingest.unroutable.retention must be positive");
        }
        if (cleanupInterval.isNegative() || cleanupInterval.isZero() || cleanupBatch < 1) {
            throw new IllegalArgumentException("sellavie.ingest.unroutable.cleanup-interval and cleanup-batch must be"
                    + " positive");
        }
    }
}
