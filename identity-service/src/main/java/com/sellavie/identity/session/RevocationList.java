package com.sellavie.identity.session;

import com.sellavie.platform.security.RevocationKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Writes the Redis denylist every resource server and the gateway read (keys in
 * {@link RevocationKeys}, each entry with its line in the index the gateways copy): a revoked
 * session kills its access tokens at once instead of when they expire. Called after the revocation is committed in the database. A failed write is logged, counted
 * ({@code sellavie.identity.denylist.write.failures}) and thrown: the caller answers 503, and a retry
 * (logout again, delete again) writes it again.
 */
@Component
public class RevocationList {

    private static final Logger log = LoggerFactory.getLogger(RevocationList.class);

    /**
     * The entry and its line in the index, at once: KEYS[1] the entry, KEYS[2] the index; ARGV[1] its value, ARGV[2]
     * its lifetime in ms. The index is clocked by Redis (every writer and reader agree) and loses its expired lines
     * here, so it never holds more than the last lifetime's revocations.
     */
    private static final RedisScript<Long> WRITE = RedisScript.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), KEYS[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. now)
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    RevocationList(StringRedisTemplate redis, MeterRegistry meters) {
        this.redis = redis;
        this.meters = meters;
    }

    /** Every access token of session {@code sid} is rejected from now on. */
    public void revokeSession(UUID sid) {
        write(RevocationKeys.session(sid), "1");
    }

    /**
     * Every access token of {@code userId} in {@code businessId} issued up to now is rejected (member
     * removed, role changed: issue 9's team work calls this). Tokens issued later, in the same second
     * included, are rejected too until the next second: a new log-in right after a role change may need
     * one retry.
     */
    public void revokeMember(UUID businessId, UUID userId) {
        write(RevocationKeys.member(businessId, userId), Long.toString(clock.instant().getEpochSecond()));
    }

    private void write(String key, String value) {
        try {
            redis.execute(WRITE, List.of(key, RevocationKeys.INDEX), value,
                    Long.toString(RevocationKeys.TTL.toMillis()));
        } catch (RuntimeException e) {
            meters.counter("sellavie.identity.denylist.write.failures").increment();
            log.error("Could not write the access-token denylist entry {} ({}: {})", key, e.getClass().getSimpleName(),
                    e.getMessage());
            throw new DenylistWriteFailedException(e);
        }
    }

    /** The denylist could not be written; the revocation itself is committed. */
    public static class DenylistWriteFailedException extends RuntimeException {

        DenylistWriteFailedException(Throwable cause) {
            super("The access-token denylist could not be written", cause);
        }
    }
}
