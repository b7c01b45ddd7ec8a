package com.sellavie.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Writes denylist entries as identity-service does (its {@code RevocationList}: the entry and its line in
 * {@code sellavie:revoked:index}, scored with when it expires by Redis' clock), for tests that play identity.
 */
public final class Revocations {

    public static final Duration TTL = Duration.ofMinutes(16);

    private static final RedisScript<Long> WRITE = RedisScript.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), KEYS[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. now)
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return 1
            """, Long.class);

    private Revocations() {
    }

    public static String sessionKey(String sid) {
        return "sellavie:revoked:sid:" + sid;
    }

    public static String memberKey(String businessId, String userId) {
        return "sellavie:revoked:member:" + businessId + ":" + userId;
    }

    public static void write(StringRedisTemplate redis, String key, String value) {
        redis.execute(WRITE, List.of(key, "sellavie:revoked:index"), value, Long.toString(TTL.toMillis()));
    }

    public static void write(ReactiveStringRedisTemplate redis, String key, String value) {
        redis.execute(WRITE, List.of(key, "sellavie:revoked:index"), List.of(value, Long.toString(TTL.toMillis())))
                .blockLast(Duration.ofSeconds(5));
    }
}
