package com.sellavie.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.gateway.CountedRedis;
import com.sellavie.gateway.security.ApiBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Leases of a business's {@code /api} bucket against the machine's Redis, with Spring Cloud Gateway's own script:
 * requests spend a lease without a Redis command, instances sharing a bucket together let through its whole burst and
 * no more, and a lease's leftover is dropped after its duration.
 */
class LeasedApiBucketTest {

    private static final RateLimitProperties.Lease TEN_FOR_A_SECOND =
            new RateLimitProperties.Lease(10, Duration.ofSeconds(1), 1000);
    private static CountedRedis redis;
    private static RedisTokenBuckets buckets;

    private final AtomicLong ticker = new AtomicLong();

    @BeforeAll
    static void connect() {
        redis = new CountedRedis();
        buckets = new RedisTokenBuckets(redis.template(), script(),
                "sellavie:test-lease:" + UUID.randomUUID(), Duration.ofSeconds(5), new SimpleMeterRegistry());
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @ParameterizedTest(name = "burst {1} at {2} tokens a request, at most {0}: {3}")
    @CsvSource({
        "10, 200, 1,  10",
        "10, 60,  1,  6",
        "10, 9,   1,  1",
        "10, 30,  10, 1",
        "1,  200, 1,  1",
    })
    void aLeaseIsATenthOfTheBurstAtMostTheMaximum(int maxRequests, int burst, int requested, int expected) {
        RateLimitProperties.Bucket bucket = new RateLimitProperties.Bucket(1, burst, requested);

        assertThat(LeasedApiBucket.leaseRequests(bucket,
                new RateLimitProperties.Lease(maxRequests, Duration.ofSeconds(1), 1000))).isEqualTo(expected);
    }

    @Test
    void aLeaseServesTheNextRequestsWithoutRedis() {
        LeasedApiBucket bucket = leased(new RateLimitProperties.Bucket(1, 200, 1));
        String business = UUID.randomUUID().toString();
        // Loads the script (EVALSHA refused, then EVAL) and takes the first lease.
        assertThat(bucket.take(business).block()).isEqualTo(ApiBucket.Taken.ALLOWED);

        redis.commandsSinceLastAsked();
        for (int i = 0; i < 9; i++) {
            assertThat(bucket.take(business).block()).isEqualTo(ApiBucket.Taken.ALLOWED);
        }
        assertThat(redis.commandsSinceLastAsked()).as("the lease's other nine requests").isZero();

        assertThat(bucket.take(business).block()).isEqualTo(ApiBucket.Taken.ALLOWED);
        assertThat(redis.commandsSinceLastAsked()).as("the next lease").isEqualTo(1);
    }

    @Test
    void twoInstancesTogetherLetThroughTheWholeBurstAndNoMore() {
        RateLimitProperties.Bucket limit = new RateLimitProperties.Bucket(1, 95, 1);
        List<LeasedApiBucket> instances = List.of(leased(limit), leased(limit));
        assertThat(instances.getFirst().leaseRequests()).isEqualTo(9);
        String business = UUID.randomUUID().toString();
        long started = System.nanoTime();

        int allowed = 0;
        ApiBucket.Taken refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            ApiBucket.Taken taken = instances.get(i % 2).take(business).block();
            if (taken.allowed()) {
                allowed++;
            } else {
                refused = taken;
            }
        }

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
        // One token a second comes back while the loop runs.
        assertThat(allowed).isBetween(95, 95 + (int) seconds);
        assertThat(refused).isNotNull();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void whatALeaseHasLeftIsDroppedAfterItsDuration() {
        LeasedApiBucket bucket = leased(new RateLimitProperties.Bucket(1, 200, 1));
        String business = UUID.randomUUID().toString();
        bucket.take(business).block();

        ticker.addAndGet(Duration.ofSeconds(1).toNanos() + 1);
        redis.commandsSinceLastAsked();
        assertThat(bucket.take(business).block()).isEqualTo(ApiBucket.Taken.ALLOWED);

        assertThat(redis.commandsSinceLastAsked()).as("a new lease").isEqualTo(1);
    }

    private LeasedApiBucket leased(RateLimitProperties.Bucket limit) {
        return new LeasedApiBucket(buckets, limit, TEN_FOR_A_SECOND, ticker::get);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static RedisScript<List<Long>> script() {
        try (InputStream in = LeasedApiBucketTest.class.getResourceAsStream(
                "/META-INF/scripts/request_rate_limiter.lua")) {
            return (RedisScript) RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), List.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
