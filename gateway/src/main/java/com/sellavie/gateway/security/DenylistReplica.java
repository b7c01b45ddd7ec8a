package com.sellavie.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This instance's copy of the revocation denylist shared with identity-service (issue 9 contract, platform's
 * {@code RevocationKeys}): every {@code refresh} it reads the index of live entries
 * ({@code sellavie:revoked:index}, written with each entry) and the entries it names, and replaces the copy. A
 * request is then checked in memory, without a Redis round trip (that round trip was most of what {@code /api}
 * added at the edge, docs/benchmarks.md "Gateway overhead"). A revocation reaches every instance within one
 * refresh; the services still ask Redis itself on every request.
 *
 * <p>Fails closed: until the first read, and whenever the copy is older than {@code maxAge} (Redis unreachable or
 * slow), every token is {@link Admission#UNAVAILABLE} (503), counted and logged (throttled).
 */
class DenylistReplica implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DenylistReplica.class);
    static final String INDEX = "sellavie:revoked:index";
    static final String SESSION_PREFIX = "sellavie:revoked:sid:";
    static final String MEMBER_PREFIX = "sellavie:revoked:member:";

    /** The entries found by one read (key to value) and when that read began, in {@link System#nanoTime()}. */
    private record Copy(Map<String, String> entries, long readAtNanos) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final Duration refresh;
    private final Duration timeout;
    private final Duration maxAge;
    private final LongSupplier nanoTime;
    private final Counter failures;
    private final ThrottledLog failureLog = new ThrottledLog(log, Duration.ofSeconds(10));
    private volatile Copy copy;
    private volatile Disposable refreshing;

    DenylistReplica(ReactiveStringRedisTemplate redis, Duration refresh, Duration timeout, Duration maxAge,
            MeterRegistry meters) {
        this(redis, refresh, timeout, maxAge, meters, System::nanoTime);
    }

    DenylistReplica(ReactiveStringRedisTemplate redis, Duration refresh, Duration timeout, Duration maxAge,
            MeterRegistry meters, LongSupplier nanoTime) {
        this.redis = redis;
        this.refresh = refresh;
        this.timeout = timeout;
        this.maxAge = maxAge;
        this.nanoTime = nanoTime;
        this.failures = Counter.builder("sellavie.security.denylist.failures")
                .description("Denylist reads that failed or timed out (past its max age, tokens are refused with 503)")
                .register(meters);
        Gauge.builder("sellavie.gateway.denylist.entries", this, replica -> replica.copy == null ? Double.NaN
                        : replica.copy.entries().size())
                .description("Revocation entries in this instance's copy of the denylist").register(meters);
        Gauge.builder("sellavie.gateway.denylist.age", this, DenylistReplica::ageSeconds).baseUnit("seconds")
                .description("How old this instance's copy of the denylist is (refused past its max age)")
                .register(meters);
    }

    /** In memory; never blocks. */
    Admission check(String sid, String businessId, String subject, long issuedAt) {
        Copy current = copy;
        if (current == null || nanoTime.getAsLong() - current.readAtNanos() > maxAge.toNanos()) {
            return Admission.UNAVAILABLE;
        }
        if (current.entries().containsKey(SESSION_PREFIX + sid)) {
            return Admission.REVOKED;
        }
        String memberRevokedUpTo = current.entries().get(MEMBER_PREFIX + businessId + ":" + subject);
        return memberRevokedUpTo != null && issuedAt <= revokedUpTo(memberRevokedUpTo)
                ? Admission.REVOKED : Admission.ADMITTED;
    }

    /** One read of the index and its entries, replacing the copy; failures are counted and logged, never thrown. */
    Mono<Void> refreshNow() {
        long began = nanoTime.getAsLong();
        return redis.opsForZSet()
                // Lines of entries that are still live (by this host's clock, a minute of skew allowed either way).
                .rangeByScore(INDEX, Range.rightUnbounded(Range.Bound.inclusive(
                        (double) (System.currentTimeMillis() - 60_000))))
                .collectList()
                .flatMap(keys -> keys.isEmpty() ? Mono.just(Map.<String, String>of()) : read(keys))
                .timeout(timeout)
                .doOnNext(entries -> copy = new Copy(entries, began))
                .onErrorResume(e -> {
                    failures.increment();
                    failureLog.warn("Denylist read failed; past " + maxAge.toMillis()
                            + " ms without one, tokens are refused until Redis answers", e);
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Map<String, String>> read(List<String> keys) {
        return redis.opsForValue().multiGet(keys).map(values -> {
            Map<String, String> entries = new HashMap<>(keys.size() * 2);
            for (int i = 0; i < keys.size(); i++) {
                // Gone since it was indexed (expired, or deleted): not revoked any more.
                if (values.get(i) != null) {
                    entries.put(keys.get(i), values.get(i));
                }
            }
            return Map.copyOf(entries);
        });
    }

    private double ageSeconds() {
        Copy current = copy;
        return current == null ? Double.NaN : (nanoTime.getAsLong() - current.readAtNanos()) / 1e9;
    }

    /**
     * Reads the copy once before the web server takes requests (so the first ones are not refused for want of it;
     * Redis down: the start goes on and tokens get 503 until a read succeeds), then every {@code refresh}.
     */
    @Override
    public void start() {
        refreshNow().block(timeout.plusSeconds(1));
        refreshing = Flux.interval(refresh, refresh)
                .onBackpressureDrop()
                .concatMap(tick -> refreshNow(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = refreshing;
        if (running != null) {
            running.dispose();
        }
        refreshing = null;
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }

    /** Before the web server's start (Boot's phase for it is {@code DEFAULT_PHASE - 2048}). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /**
     * The same reading as identity's writer intends and the services apply (platform's {@code AccessTokenDenylist}):
     * a whole number of seconds, signed or not, spaces around it allowed; anything else revokes every token of the
     * member (fail closed).
     */
    static long revokedUpTo(String value) {
        String seconds = value.strip();
        try {
            if (seconds.matches("[+-]?\\d+")) {
                return Long.parseLong(seconds);
            }
        } catch (NumberFormatException tooLarge) {
            // beyond any token's iat: revoked either way
        }
        return Long.MAX_VALUE;
    }
}
