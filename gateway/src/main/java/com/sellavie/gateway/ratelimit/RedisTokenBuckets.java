package com.sellavie.gateway.ratelimit;

import com.sellavie.gateway.security.ThrottledLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets kept in Redis by Spring Cloud Gateway's own rate-limiter script (atomic, clocked by
 * Redis' {@code TIME} so every instance agrees). A Redis failure lets the request pass (counted,
 * logged throttled): a limit protects capacity, it must not take the edge down with Redis.
 */
class RedisTokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);

    /** Allowed, or refused with the seconds until enough tokens are back. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<List<Long>> script;
    private final String keyPrefix;
    private final Duration timeout;
    private final Counter failures;
    private final ThrottledLog failureLog = new ThrottledLog(log, Duration.ofSeconds(10));

    RedisTokenBuckets(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script, String keyPrefix,
            Duration timeout, MeterRegistry meters) {
        this.redis = redis;
        this.script = script;
        this.keyPrefix = keyPrefix;
        this.timeout = timeout;
        this.failures = Counter.builder("sellavie.gateway.ratelimit.failures")
                .description("Rate-limit checks that failed or timed out (the request passed)").register(meters);
    }

    Mono<Decision> take(String bucketName, String client, RateLimitProperties.Bucket bucket) {
        return redis.execute(script, keys(keyPrefix, bucketName, client), args(bucket)).next()
                .timeout(timeout)
                .map(result -> result.getFirst() == 1L
                        ? new Decision(true, 0)
                        : new Decision(false, retryAfter(result.get(1), bucket)))
                .onErrorResume(e -> {
                    failures.increment();
                    failureLog.warn("Rate-limit check failed, request let through", e);
                    return Mono.just(new Decision(true, 0));
                })
                .defaultIfEmpty(new Decision(true, 0));
    }

    /** The script's two keys for a client's bucket. */
    static List<String> keys(String keyPrefix, String bucketName, String client) {
        // The braces make both keys hash to one slot on a Redis cluster (the script needs both).
        String id = keyPrefix + ":{" + bucketName + ":" + client + "}";
        return List.of(id + ":tokens", id + ":timestamp");
    }

    /** The script's arguments: rate, capacity, now (empty: the script reads Redis' clock), requested tokens. */
    static List<String> args(RateLimitProperties.Bucket bucket) {
        return List.of(Integer.toString(bucket.replenishRate()), Integer.toString(bucket.burstCapacity()), "",
                Integer.toString(bucket.requestedTokens()));
    }

    static long retryAfter(long tokensLeft, RateLimitProperties.Bucket bucket) {
        long missing = Math.max(1, bucket.requestedTokens() - tokensLeft);
        return Math.max(1, (missing + bucket.replenishRate() - 1) / bucket.replenishRate());
    }
}
