package com.sellavie.identity.session;

import com.sellavie.platform.security.RevocationKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the Redis denylist every resource server and the gateway read (keys in
 * {@link RevocationKeys}): a revoked session kills its access tokens at once instead of when they
 * expire. Called after the revocation is committed in the database. A failed write is logged, counted
 * ({@code sellavie.identity.denylist.write.failures}) and thrown: the caller answers 503, and a retry
 * (logout again, delete again) writes it again.
 */
@Component
public class RevocationList {

    private static final Logger log = LoggerFactory.getLogger(RevocationList.class);

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
            redis.opsForValue().set(key, value, RevocationKeys.TTL);
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
