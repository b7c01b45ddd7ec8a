package com.sellavie.identity.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long login sessions live.
 *
 * @param absoluteTtl a session ends this long after log-in, however active (default 30 days)
 * @param idleTtl     a session ends when no refresh happened for this long (default 7 days)
 * @param reuseGrace  a just-spent refresh token presented again within this time, while its successor is
 *                    still unused, is a benign race (two tabs refreshing at once): 409, the session lives.
 *                    Later, or once the successor was used, it is reuse: the whole session is revoked
 *                    (default 10 seconds)
 */
@ConfigurationProperties("sellavie.identity.sessions")
public record SessionProperties(Duration absoluteTtl, Duration idleTtl, Duration reuseGrace) {

    public SessionProperties {
        absoluteTtl = absoluteTtl == null ? Duration.ofDays(30) : absoluteTtl;
        idleTtl = idleTtl == null ? Duration.ofDays(7) : idleTtl;
        reuseGrace = reuseGrace == null ? Duration.ofSeconds(10) : reuseGrace;
        if (!absoluteTtl.isPositive() || !idleTtl.isPositive() || reuseGrace.isNegative()) {
            throw new IllegalArgumentException("sellavie.identity.sessions: absolute-ttl and idle-ttl must be positive, "
                    + "reuse-grace not negative");
        }
    }
}
