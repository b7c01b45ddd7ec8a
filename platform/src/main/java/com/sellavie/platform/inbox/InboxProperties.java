package com.sellavie.platform.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Inbox retention.
 *
 * @param retention      how long an applied eventId is remembered; longer than any producer's
 *                       redelivery window (Meta retries webhooks for up to 7 days). Default 14 days.
 * @param cleanupInterval how often expired entries are deleted. Default 1 hour.
 * @param cleanupBatch   rows deleted per statement, so no delete holds locks for long. Default 10,000.
 */
@ConfigurationProperties("sellavie.inbox")
public record InboxProperties(Duration retention, Duration cleanupInterval, Integer cleanupBatch) {

    public InboxProperties {
        retention = retention == null ? Duration.ofDays(14) : retention;
        cleanupInterval = cleanupInterval == null ? Duration.ofHours(1) : cleanupInterval;
        cleanupBatch = cleanupBatch == null ? 10_000 : cleanupBatch;
    }
}
