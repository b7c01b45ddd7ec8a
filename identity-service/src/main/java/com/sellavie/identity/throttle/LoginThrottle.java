package com.sellavie.identity.throttle;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Counts failed log-ins per email address and per client address in Redis (keys
 * {@code sellavie:login:account:<sha256 of the address>:*} and {@code sellavie:login:ip:<address>:*}),
 * so every identity instance sees the same counts. Past a key's free failures, attempts are refused for
 * a delay that doubles per failure, then locked ({@link LoginThrottleProperties}). A refused attempt is
 * not counted. The address is hashed: whether it has an account never matters here, so an unknown
 * address is throttled exactly like a known one, and Redis holds no email.
 *
 * <p>Redis unreachable: log-in fails closed (503). Every resource server already refuses every token
 * while Redis is down (the denylist fails closed), so failing open would give users nothing and give
 * attackers unthrottled guesses. Counted as {@code sellavie.identity.login.throttle.failures}.
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String PREFIX = "sellavie:login:";

    /** INCR and (re)arm the window in one step, so a counter never outlives its window. */
    private static final RedisScript<Long> COUNT_FAILURE = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return n
            """, Long.class);

    private final StringRedisTemplate redis;
    private final MeterRegistry meters;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    @Autowired
    LoginThrottle(StringRedisTemplate redis, MeterRegistry meters, LoginThrottleProperties properties) {
        this(redis, meters, properties, Clock.systemUTC());
    }

    LoginThrottle(StringRedisTemplate redis, MeterRegistry meters, LoginThrottleProperties properties, Clock clock) {
        this.redis = redis;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Refuses the attempt when this address or this client is blocked.
     *
     * @param email normalised address as typed (account or not)
     * @param ip    the client address ({@link ClientAddress})
     * @throws LoginThrottledException          blocked: the longer of the two waits
     * @throws LoginThrottleUnavailableException Redis did not answer
     */
    public void check(String email, String ip) {
        List<String> untils = redis("check", () -> redis.opsForValue()
                .multiGet(List.of(accountKey(email) + ":until", ipKey(ip) + ":until")));
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String until : untils == null ? List.<String>of() : untils) {
            if (until != null) {
                Duration left = Duration.between(now, Instant.ofEpochMilli(Long.parseLong(until)));
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        if (wait.isPositive()) {
            meters.counter("sellavie.identity.login.throttled").increment();
            throw new LoginThrottledException(wait);
        }
    }

    /** Counts a failed attempt against the address and the client, blocking them when over their limit. */
    public void failed(String email, String ip) {
        count(accountKey(email), properties.account());
        count(ipKey(ip), properties.ip());
    }

    /** A successful log-in clears the address's failures (not the client's: one client may try many). */
    public void succeeded(String email) {
        String key = accountKey(email);
        try {
            redis.delete(List.of(key + ":failures", key + ":until"));
        } catch (RuntimeException e) {
            // The user proved their password: a stale count only delays their next mistake; let them in.
            unavailable("reset", e);
        }
    }

    private void count(String key, LoginThrottleProperties.Limit limit) {
        Long failures = redis("count", () -> redis.execute(COUNT_FAILURE, List.of(key + ":failures"),
                Long.toString(properties.window().toMillis())));
        Duration block = limit.blockAfter(failures == null ? 0 : failures);
        if (block.isPositive()) {
            String until = Long.toString(clock.instant().plus(block).toEpochMilli());
            redis("block", () -> {
                redis.opsForValue().set(key + ":until", until, block);
                return null;
            });
        }
    }

    private <T> T redis(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            unavailable(operation, e);
            throw new LoginThrottleUnavailableException(e);
        }
    }

    private void unavailable(String operation, RuntimeException e) {
        meters.counter("sellavie.identity.login.throttle.failures", "operation", operation).increment();
        log.error("Log-in throttle: Redis {} failed ({}: {})", operation, e.getClass().getSimpleName(), e.getMessage());
    }

    private static String accountKey(String email) {
        return PREFIX + "account:" + sha256(email);
    }

    private static String ipKey(String ip) {
        return PREFIX + "ip:" + ip;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
