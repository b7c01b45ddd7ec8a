package com.sellavie.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * The revocation denylist shared with identity-service (issue 9 contract): a revoked login session
 * ({@code sellavie:revoked:sid:<sid>}) kills every token of that session; a member entry
 * ({@code sellavie:revoked:member:<business_id>:<sub>} = epoch seconds T) kills that member's
 * tokens issued at or before T. Unreachable or slow Redis fails closed.
 */
class Denylist {

    private static final Logger log = LoggerFactory.getLogger(Denylist.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final Counter failures;
    private final ThrottledLog failureLog = new ThrottledLog(log, Duration.ofSeconds(10));

    Denylist(ReactiveStringRedisTemplate redis, Duration timeout, MeterRegistry meters) {
        this.redis = redis;
        this.timeout = timeout;
        this.failures = Counter.builder("sellavie.security.denylist.failures")
                .description("Denylist lookups that failed or timed out (the token was refused with 503)")
                .register(meters);
    }

    /** Completes empty when the token is not revoked; errors with 401 or 503 material otherwise. */
    Mono<Jwt> check(Jwt jwt) {
        String sid = jwt.getClaimAsString("sid");
        String member = "sellavie:revoked:member:" + jwt.getClaimAsString("business_id") + ":" + jwt.getSubject();
        Instant issuedAt = jwt.getIssuedAt();
        // One MGET, one round trip: the session entry (any value means revoked) and the member's epoch second.
        return redis.opsForValue().multiGet(List.of("sellavie:revoked:sid:" + sid, member))
                .timeout(timeout)
                .onErrorMap(e -> {
                    failures.increment();
                    failureLog.warn("Denylist lookup failed, tokens are refused until Redis answers", e);
                    return new DenylistUnavailableException(e);
                })
                .flatMap(found -> {
                    if (found.get(0) != null) {
                        return Mono.error(new RevokedTokenException("The session of this token was revoked"));
                    }
                    String memberRevokedUpTo = found.get(1);
                    if (memberRevokedUpTo != null && issuedAt.getEpochSecond() <= revokedUpTo(memberRevokedUpTo)) {
                        return Mono.error(new RevokedTokenException("This member's tokens were revoked"));
                    }
                    return Mono.just(jwt);
                });
    }

    private static long revokedUpTo(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // Unreadable entry: treat every token of the member as revoked (fail closed).
            return Long.MAX_VALUE;
        }
    }
}
