package com.sellavie.identity.activity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the activity log and the records behind sessions are kept.
 *
 * @param retention               activity entries and security events older than this are deleted
 *                                (default 365 days)
 * @param endedSessionRetention   refresh tokens and sessions are deleted this long after the session ended
 *                                (expired, idle or revoked; default 30 days): until then a spent token
 *                                presented again is still recognised as reuse
 * @param cleanupInterval         how often the purge runs (default 1 hour)
 */
@ConfigurationProperties("sellavie.activity")
record ActivityProperties(Duration retention, Duration endedSessionRetention, Duration cleanupInterval) {

    ActivityProperties {
        retention = retention == null ? Duration.ofDays(365) : retention;
        endedSessionRetention = endedSessionRetention == null ? Duration.ofDays(30) : endedSessionRetention;
        cleanupInterval = cleanupInterval == null ? Duration.ofHours(1) : cleanupInterval;
        if (!retention.isPositive() || !endedSessionRetention.isPositive() || !cleanupInterval.isPositive()) {
            throw new IllegalArgumentException(
                    "sellavie.activity: retention, ended-session-retention and cleanup-interval must be positive");
        }
    }
}
