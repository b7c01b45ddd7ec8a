package com.sellavie.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Access tokens whose signature and claims were already verified, keyed by the exact token string,
 * so a console making many calls with one token pays the RS256 check and the JSON parsing once.
 * Only tokens that passed every check enter (a forged, tampered or expired one is a different string or
 * never stored); an entry lives until the token's {@code exp} plus the allowed clock skew, never longer
 * than {@code ttl} (so a key withdrawn from identity's JWKS stops verifying its tokens within that, as
 * the JWKS cache already allows). The denylist is not cached: it is asked on every request.
 */
final class VerifiedTokens {

    private final Cache<String, Jwt> cache;

    VerifiedTokens(long maximumSize, Duration ttl, Duration clockSkew, MeterRegistry meters) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, ttl, clockSkew)))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "sellavie.gateway.verified-tokens");
    }

    /** The verified token from the cache, else from {@code verifier} (then kept). */
    Mono<Jwt> get(String token, Function<String, Mono<Jwt>> verifier) {
        Jwt known = cache.getIfPresent(token);
        return known != null ? Mono.just(known) : verifier.apply(token).doOnNext(jwt -> cache.put(token, jwt));
    }

    private static Duration lifetime(Jwt jwt, Duration ttl, Duration clockSkew) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration untilExpiry = Duration.between(Instant.now(), expiresAt.plus(clockSkew));
        return untilExpiry.isNegative() ? Duration.ZERO : untilExpiry.compareTo(ttl) < 0 ? untilExpiry : ttl;
    }
}
