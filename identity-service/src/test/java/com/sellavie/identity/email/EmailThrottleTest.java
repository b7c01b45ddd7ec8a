package com.sellavie.identity.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The sign-up counters against the machine's Redis: per recipient address, under the configured key prefix. */
class EmailThrottleTest {

    private final String email = "owner-" + UUID.randomUUID() + "@example.com";
    private final String ip = "198.18." + UUID.randomUUID().toString().substring(0, 8);
    private final String benchPrefix = "sellavie:bench-account-email:" + UUID.randomUUID() + ":";
    private JedisConnectionFactory connections;
    private StringRedisTemplate redis;

    @BeforeEach
    void connect() {
        connections = new JedisConnectionFactory(new RedisStandaloneConfiguration("localhost", 6379));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterEach
    void close() {
        redis.delete(redis.keys(benchPrefix + "*"));
        connections.destroy();
    }

    @Test
    void theSixthSignUpForOneAddressWithinTheWindowIsRefused() {
        EmailThrottle throttle = throttle(null);
        for (int i = 0; i < 5; i++) {
            assertThatCode(() -> throttle.check("signup", email, ip)).doesNotThrowAnyException();
        }

        assertThatThrownBy(() -> throttle.check("signup", email, ip))
                .isInstanceOfSatisfying(EmailThrottle.EmailThrottledException.class,
                        refused -> assertThat(refused.retryAfterSeconds()).isBetween(3590L, 3600L));
    }

    @Test
    void aStackWithItsOwnKeyPrefixCountsApartFromTheOthersOnTheSameRedis() {
        EmailThrottle developers = throttle(null);
        EmailThrottle bench = throttle(benchPrefix);
        for (int i = 0; i < 5; i++) {
            bench.check("signup", email, ip);
        }
        assertThatThrownBy(() -> bench.check("signup", email, ip))
                .isInstanceOf(EmailThrottle.EmailThrottledException.class);

        assertThatCode(() -> developers.check("signup", email, ip)).as("the bench's sign-ups left the default keys alone")
                .doesNotThrowAnyException();
        Set<String> benchKeys = redis.keys(benchPrefix + "*");
        assertThat(benchKeys).hasSize(2).allMatch(key -> key.startsWith(benchPrefix + "signup:"));
    }

    private EmailThrottle throttle(String keyPrefix) {
        return new EmailThrottle(redis, new SimpleMeterRegistry(),
                new EmailThrottleProperties(20, 5, Duration.ofHours(1), Duration.ofMinutes(1), keyPrefix));
    }
}
