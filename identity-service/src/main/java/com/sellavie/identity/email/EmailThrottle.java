package com.sellavie.identity.email;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Keeps the endpoints that send email from being used to spam: requests are counted in Redis per
 * client address and per recipient address (hashed: Redis holds no email) in a fixed window, shared by
 * every identity instance ({@code sellavie:account-email:*}, the prefix configurable); past a limit the
 * request is refused (429) whether or not the address has an account. A signed-in resend is allowed once
 * per minute per account.
 * Redis unreachable: refused (503), as log-in does, rather than sending unthrottled.
 */
@Component
@EnableConfigurationProperties(EmailThrottleProperties.class)
public class EmailThrottle {

    private static final Logger log = LoggerFactory.getLogger(EmailThrottle.class);

    /** INCR, arming the window on the first request; returns the count and the window's remaining ms. */
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('PTTL', KEYS[1])}
            """, List.class);

    private final StringRedisTemplate redis;
    private final MeterRegistry meters;
    private final EmailThrottleProperties properties;

    EmailThrottle(StringRedisTemplate redis, MeterRegistry meters, EmailThrottleProperties properties) {
        this.redis = redis;
        this.meters = meters;
        this.properties = properties;
    }

    /**
     * Counts one anonymous request ({@code endpoint}: e.g. "signup", "password-reset") from {@code ip}
     * for {@code email}; throws {@link EmailThrottledException} when either is over its limit.
     */
    public void check(String endpoint, String email, String ip) {
        count(endpoint, properties.keyPrefix() + endpoint + ":ip:" + ip, properties.perIp());
        count(endpoint, properties.keyPrefix() + endpoint + ":address:" + sha256(email), properties.perAddress());
    }

    /** Lets {@code userId} resend a verification email at most once per {@code resend-interval}. */
    public void checkResend(String userId) {
        Duration interval = properties.resendInterval();
        Boolean first = redis("resend", () -> redis.opsForValue()
                .setIfAbsent(properties.keyPrefix() + "resend:" + userId, "1", interval));
        if (!Boolean.TRUE.equals(first)) {
            Long left = redis("resend", () -> redis.getExpire(properties.keyPrefix() + "resend:" + userId));
            refuse("resend", Duration.ofSeconds(left == null || left < 1 ? interval.toSeconds() : left));
        }
    }

    private void count(String endpoint, String key, int limit) {
        List<?> answer = redis(endpoint, () -> redis.execute(COUNT, List.of(key),
                Long.toString(properties.window().toMillis())));
        long count = ((Number) answer.get(0)).longValue();
        if (count > limit) {
            long millis = Math.max(((Number) answer.get(1)).longValue(), 1000);
            refuse(endpoint, Duration.ofMillis(millis));
        }
    }

    private void refuse(String endpoint, Duration wait) {
        meters.counter("sellavie.identity.account-email.throttled", "endpoint", endpoint).increment();
        throw new EmailThrottledException(wait);
    }

    private <T> T redis(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            meters.counter("sellavie.identity.account-email.throttle.failures", "operation", operation).increment();
            log.error("Account-email throttle: Redis {} failed ({}: {})", operation, e.getClass().getSimpleName(),
                    e.getMessage());
            throw new EmailThrottleUnavailableException(e);
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Too many requests: retry after {@link #retryAfterSeconds()}. */
    public static class EmailThrottledException extends RuntimeException {

        private final Duration wait;

        EmailThrottledException(Duration wait) {
            super("Too many account-email requests");
            this.wait = wait;
        }

        public long retryAfterSeconds() {
            return Math.max(1, (wait.toMillis() + 999) / 1000);
        }
    }

    /** Redis did not answer: the request is refused rather than sent unthrottled. */
    public static class EmailThrottleUnavailableException extends RuntimeException {

        EmailThrottleUnavailableException(Throwable cause) {
            super("Account-email throttle unavailable", cause);
        }
    }
}
