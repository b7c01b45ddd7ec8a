package com.sellavie.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.sellavie.gateway.security.ApiBucket;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Each business's {@code /api} bucket in Redis, taken a few requests at a time: when this instance holds no tokens of
 * the business it takes a lease of {@code leaseRequests} requests' worth from the shared bucket (one script, the same
 * as a single request's), and the next requests spend it in memory, without a Redis round trip, for at most
 * {@code leaseDuration}; what is left then is dropped. Tokens are always taken from the shared bucket before they are
 * spent, so the instances together never let through more than the limit; a lease can only hold back, for at most
 * {@code leaseDuration}, tokens another instance could have used. Near the limit (fewer tokens left than a lease) a
 * request takes exactly its own, as without leases, so the whole burst stays usable.
 */
final class LeasedApiBucket implements ApiBucket {

    private static final Mono<Taken> ALLOWED = Mono.just(Taken.ALLOWED);

    private final RedisTokenBuckets buckets;
    private final RateLimitProperties.Bucket single;
    private final RateLimitProperties.Bucket lease;
    private final int leaseRequests;
    private final Cache<String, AtomicInteger> leases;

    LeasedApiBucket(RedisTokenBuckets buckets, RateLimitProperties.Bucket bucket, RateLimitProperties.Lease settings,
            Ticker ticker) {
        this.buckets = buckets;
        this.single = bucket;
        this.leaseRequests = leaseRequests(bucket, settings);
        this.lease = new RateLimitProperties.Bucket(bucket.replenishRate(), bucket.burstCapacity(),
                bucket.requestedTokens() * leaseRequests);
        this.leases = Caffeine.newBuilder().expireAfterWrite(settings.duration()).ticker(ticker)
                .maximumSize(settings.maxBusinesses()).build();
    }

    /** A tenth of the burst, at most {@code maxRequests}; 1 (no lease) for bursts under ten requests. */
    static int leaseRequests(RateLimitProperties.Bucket bucket, RateLimitProperties.Lease settings) {
        int burstRequests = bucket.burstCapacity() / bucket.requestedTokens();
        return Math.max(1, Math.min(settings.maxRequests(), burstRequests / 10));
    }

    int leaseRequests() {
        return leaseRequests;
    }

    @Override
    public Mono<Taken> take(String businessId) {
        String client = "business:" + businessId;
        AtomicInteger held = leases.getIfPresent(client);
        if (held != null && spendOne(held)) {
            return ALLOWED;
        }
        if (leaseRequests == 1) {
            return takeOne(client);
        }
        return buckets.take("api", client, lease).flatMap(decision -> {
            if (decision.allowed()) {
                leases.put(client, new AtomicInteger(leaseRequests - 1));
                return ALLOWED;
            }
            return takeOne(client);
        });
    }

    private Mono<Taken> takeOne(String client) {
        return buckets.take("api", client, single).map(decision -> decision.allowed()
                ? Taken.ALLOWED : new Taken(false, decision.retryAfterSeconds()));
    }

    private static boolean spendOne(AtomicInteger held) {
        return held.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
    }
}
