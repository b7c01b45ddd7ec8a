package com.sellavie.identity.mfa;

import com.sellavie.identity.mfa.MfaExceptions.TooManyAttemptsException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts a user's wrong second-factor codes in Redis (shared by every identity instance): after
 * {@value #LIMIT} within {@link #WINDOW} every code check is refused with 429 until the window ends,
 * so guessing a 6-digit code (10^6, three of them valid at a time) is hopeless. A success clears it.
 */
@Component
class CodeAttempts {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final StringRedisTemplate redis;
    private final MeterRegistry meters;

    CodeAttempts(StringRedisTemplate redis, MeterRegistry meters) {
        this.redis = redis;
        this.meters = meters;
    }

    /** Throws {@link TooManyAttemptsException} when the user has used up their attempts. */
    void checkAllowed(UUID userId) {
        String count = redis.opsForValue().get(key(userId));
        if (count != null && Long.parseLong(count) >= LIMIT) {
            Long ttl = redis.getExpire(key(userId));
            throw new TooManyAttemptsException(Duration.ofSeconds(ttl == null || ttl <= 0 ? WINDOW.toSeconds() : ttl));
        }
    }

    void failed(UUID userId) {
        meters.counter("sellavie.identity.mfa.failures").increment();
        Long count = redis.opsForValue().increment(key(userId));
        if (count != null && count == 1) {
            redis.expire(key(userId), WINDOW);
        }
    }

    void succeeded(UUID userId) {
        redis.delete(key(userId));
    }

    private static String key(UUID userId) {
        return "sellavie:mfa:failures:" + userId;
    }
}
