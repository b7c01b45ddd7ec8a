package com.sellavie.ingest.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The in-memory cache of channel routes ({@code sellavie.ingest.route-cache.*}).
 *
 * @param enabled          false: every webhook asks PostgreSQL for its route (as before issue 12's cut)
 * @param maxSize          routes kept (one per channel identifier webhooks name; least recently used go first)
 * @param expireAfterWrite a route is asked for again after this long even if no change was announced: a bound
 *                         on staleness should an announcement ever be missed while the connection stayed up
 * @param maxReconnectBackoff longest wait between attempts to get the LISTEN connection back (the cache is
 *                         bypassed meanwhile)
 */
@ConfigurationProperties("sellavie.ingest.route-cache")
public record RouteCacheProperties(Boolean enabled, Integer maxSize, Duration expireAfterWrite,
        Duration maxReconnectBackoff) {

    public RouteCacheProperties {
        enabled = enabled == null || enabled;
        maxSize = maxSize == null ? 100_000 : maxSize;
        expireAfterWrite = expireAfterWrite == null ? Duration.ofMinutes(10) : expireAfterWrite;
        maxReconnectBackoff = maxReconnectBackoff == null ? Duration.ofSeconds(10) : maxReconnectBackoff;
        if (maxSize < 1 || expireAfterWrite.isNegative() || expireAfterWrite.isZero()) {
            throw new IllegalArgumentException("sellavie.ingest.route-cache.max-size and expire-after-write must be"
                    + " positive (got " + maxSize + ", " + expireAfterWrite + ")");
        }
    }
}
