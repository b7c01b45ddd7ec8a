package com.sellavie.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets in Redis, one per client and kind of traffic.
 *
 * @param enabled off: no limit anywhere
 * @param keyPrefix Redis key prefix of the buckets
 * @param timeout longest wait for Redis; past it the request passes (a limit fails open, unlike the denylist)
 * @param publicPaths the public {@code /api/**} paths limited per client IP ({@link #auth})
 * @param auth per client IP on the public auth paths (log-in, sign-up, refresh...): people, few requests
 * @param api per business (from the token) on every other {@code /api/**} path
 * @param webhooks per client IP on {@code /webhooks/**}: providers' deliveries, a separate and generous bucket
 * @param apiLease how an instance takes a business's {@code api} tokens from Redis a few at a time
 *     ({@link LeasedApiBucket})
 */
@ConfigurationProperties("sellavie.gateway.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("sellavie:ratelimit") String keyPrefix,
        @DefaultValue("200ms") Duration timeout,
        @DefaultValue({"/api/auth/login", "/api/auth/signup", "/api/auth/refresh", "/api/auth/logout"})
        List<String> publicPaths,
        Bucket auth,
        Bucket api,
        Bucket webhooks,
        @DefaultValue Lease apiLease) {

    /**
     * @param maxRequests most requests' worth of tokens one lease takes (at most a tenth of the burst; 1: no leases)
     * @param duration how long a lease's tokens may be spent before what is left is dropped
     * @param maxBusinesses most businesses with a lease held at once (the least recently leased are dropped first)
     */
    record Lease(@DefaultValue("10") int maxRequests, @DefaultValue("1s") Duration duration,
            @DefaultValue("100000") long maxBusinesses) {

        Lease {
            if (maxRequests < 1 || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("An api lease needs max-requests >= 1 and a positive duration, got "
                        + maxRequests + " / " + duration);
            }
        }
    }

    /**
     * @param replenishRate tokens added per second
     * @param burstCapacity most tokens the bucket holds (the burst allowed at once)
     * @param requestedTokens tokens one request costs (above 1 for limits slower than one per second)
     */
    record Bucket(int replenishRate, int burstCapacity, int requestedTokens) {

        Bucket {
            if (replenishRate < 1 || burstCapacity < requestedTokens || requestedTokens < 1) {
                throw new IllegalArgumentException("A bucket needs replenish-rate >= 1 and burst-capacity >= "
                        + "requested-tokens >= 1, got " + replenishRate + "/" + burstCapacity + "/" + requestedTokens);
            }
        }
    }
}
