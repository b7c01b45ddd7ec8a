package com.sellavie.ingest.sandbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A modest per-business limit on sandbox messages: each one costs an AI reply. One resilience4j limiter
 * per business, kept while it is used (a business idle for an hour starts afresh).
 */
@Component
class SandboxRateLimits {

    private final RateLimiterConfig config;
    private final Cache<UUID, RateLimiter> limiters = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();

    SandboxRateLimits(@Value("${sellavie.ingest.sandbox.messages-per-period:20}") int messagesPerPeriod,
            @Value("${sellavie.ingest.sandbox.period:1m}") Duration period) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(messagesPerPeriod).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build();
    }

    /** Takes one permit of the business's limit; false when it is used up for now. */
    boolean tryAcquire(UUID businessId) {
        return limiters.get(businessId, id -> RateLimiter.of("sandbox-" + id, config)).acquirePermission();
    }

    /** How long until the limit refills, at most (for {@code Retry-After}). */
    Duration refillPeriod() {
        return config.getLimitRefreshPeriod();
    }
}
