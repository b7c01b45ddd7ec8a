package com.sellavie.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * The revocation denylist shared with identity-service (issue 9 contract): a revoked login session
 * ({@code sellavie:revoked:sid:<sid>}) kills every token of that session; a member entry
 * ({@code sellavie:revoked:member:<business_id>:<sub>} = epoch seconds T) kills that member's
 * tokens issued at or before T (an entry that is not a whole number of seconds kills them all). Asked on every
 * request, never cached. Unreachable or slow Redis fails closed.
 *
 * <p>With rate limits on, the same script then takes the request's token from its business's bucket
 * ({@link ApiBucket}): one round trip per request instead of two (the second was ~1 ms of the gateway's p50 at
 * 1,000 requests/s, docs/benchmarks.md), and a revoked token takes nothing from its business's limit. The keys of
 * one script then lie in different hash slots: the gateway's Redis is one node (or a primary and its replicas), not
 * a Redis Cluster.
 */
class Denylist {

    private static final Logger log = LoggerFactory.getLogger(Denylist.class);

    /**
     * Prepended to Spring Cloud Gateway's token-bucket script, whose keys and arguments come first (KEYS[1..2],
     * ARGV[1..4]): the session entry KEYS[3], the member entry KEYS[4], the token's {@code iat} ARGV[5]. A revoked
     * token answers -1 (its session) or -2 (its member) before the bucket is touched.
     */
    private static final String REVOKED_FIRST = """
            if redis.call('exists', KEYS[3]) == 1 then
              return {-1, 0}
            end
            local revoked_up_to = redis.call('get', KEYS[4])
            if revoked_up_to then
              local seconds = string.match(revoked_up_to, '^%s*([+-]?%d+)%s*$')
              if seconds == nil or tonumber(ARGV[5]) <= tonumber(seconds) then
                return {-2, 0}
              end
            end
            """;

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final ApiBucket bucket;
    private final RedisScript<List<Long>> revokedOrLimited;
    private final Counter failures;
    private final ThrottledLog failureLog = new ThrottledLog(log, Duration.ofSeconds(10));

    /** {@code bucket}: null when rate limits are off (the lookup alone, one {@code MGET}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Denylist(ReactiveStringRedisTemplate redis, Duration timeout, ApiBucket bucket, MeterRegistry meters) {
        this.redis = redis;
        this.timeout = timeout;
        this.bucket = bucket;
        this.revokedOrLimited = bucket == null ? null : (RedisScript) RedisScript.of(REVOKED_FIRST + bucket.script(),
                List.class);
        this.failures = Counter.builder("sellavie.security.denylist.failures")
                .description("Denylist lookups that failed or timed out (the token was refused with 503)")
                .register(meters);
    }

    /** Never fails: Redis' failures and timeouts are {@link Admission#UNAVAILABLE} (counted, logged throttled). */
    Mono<Admission> admit(Jwt jwt) {
        String session = "sellavie:revoked:sid:" + jwt.getClaimAsString("sid");
        String member = "sellavie:revoked:member:" + jwt.getClaimAsString("business_id") + ":" + jwt.getSubject();
        long issuedAt = jwt.getIssuedAt().getEpochSecond();
        Mono<Admission> asked = bucket == null
                ? lookUp(session, member, issuedAt)
                : lookUpAndTake(session, member, issuedAt, jwt.getClaimAsString("business_id"));
        return asked
                .timeout(timeout)
                .onErrorResume(e -> {
                    failures.increment();
                    failureLog.warn("Denylist lookup failed, tokens are refused until Redis answers", e);
                    return Mono.just(Admission.UNAVAILABLE);
                });
    }

    /** One MGET: the session entry (any value means revoked) and the member's epoch second. */
    private Mono<Admission> lookUp(String session, String member, long issuedAt) {
        return redis.opsForValue().multiGet(List.of(session, member)).map(found -> {
            if (found.get(0) != null) {
                return Admission.REVOKED;
            }
            String memberRevokedUpTo = found.get(1);
            return memberRevokedUpTo != null && issuedAt <= revokedUpTo(memberRevokedUpTo)
                    ? Admission.REVOKED : Admission.ADMITTED;
        });
    }

    private Mono<Admission> lookUpAndTake(String session, String member, long issuedAt, String businessId) {
        List<String> keys = new ArrayList<>(bucket.keys(businessId));
        keys.add(session);
        keys.add(member);
        List<String> args = new ArrayList<>(bucket.args());
        args.add(Long.toString(issuedAt));
        return redis.execute(revokedOrLimited, keys, args).next().map(answer -> {
            long allowed = answer.getFirst();
            if (allowed < 0) {
                return Admission.REVOKED;
            }
            return allowed == 1 ? Admission.ADMITTED : Admission.limited(bucket.retryAfterSeconds(answer.get(1)));
        });
    }

    /**
     * The same reading as the script's, and as the services' (platform's {@code AccessTokenDenylist}): a whole number
     * of seconds, signed or not, spaces around it allowed.
     */
    private static long revokedUpTo(String value) {
        String seconds = value.strip();
        try {
            if (seconds.matches("[+-]?\\d+")) {
                return Long.parseLong(seconds);
            }
        } catch (NumberFormatException tooLarge) {
            // beyond any token's iat: revoked either way
        }
        // Unreadable entry: treat every token of the member as revoked (fail closed).
        return Long.MAX_VALUE;
    }
}
