package com.sellavie.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The throttle's schedule against the machine's Redis, with a clock the test moves. */
class LoginThrottleTest {

    private final LoginThrottleProperties limits = new LoginThrottleProperties(
            new LoginThrottleProperties.Limit(5, 10, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(15)),
            new LoginThrottleProperties.Limit(20, 100, null, null, null), Duration.ofHours(1));
    private final MovableClock clock = new MovableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JedisConnectionFactory connections;

    private final String email = "throttle-" + UUID.randomUUID() + "@example.com";
    private final String ip = "198.18." + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void close() {
        if (connections != null) {
            connections.destroy();
        }
    }

    @Test
    void delaysDoubleAfterTheFreeFailuresThenTheAddressIsLockedUntilTheLockEnds() {
        LoginThrottle throttle = throttle(6379);
        for (int i = 0; i < 4; i++) {
            throttle.failed(email, ip);
        }
        assertThatCode(() -> throttle.check(email, ip)).doesNotThrowAnyException();

        throttle.failed(email, ip); // 5th: 1 s
        assertThat(refusal(throttle)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed(email, ip); // 6th: 2 s
        assertThat(refusal(throttle)).isEqualTo(Duration.ofSeconds(2));
        for (int failure = 7; failure <= 9; failure++) {
            clock.advance(Duration.ofMinutes(1));
            throttle.failed(email, ip);
        }
        assertThat(refusal(throttle)).isEqualTo(Duration.ofSeconds(16)); // 9th: 2^4 s
        clock.advance(Duration.ofSeconds(16));

        throttle.failed(email, ip); // 10th: locked
        assertThat(refusal(throttle)).isEqualTo(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(refusal(throttle)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.check(email, ip)).doesNotThrowAnyException();
    }

    @Test
    void theDefaultsAreFiveFreeFailuresPerAddressTwentyPerClientThenOneSecondDoubling() {
        LoginThrottleProperties defaults = new LoginThrottleProperties(null, null, null);

        assertThat(defaults.account().blockAfter(4)).isZero();
        assertThat(defaults.account().blockAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.account().blockAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.account().blockAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.ip().blockAfter(19)).isZero();
        assertThat(defaults.ip().blockAfter(20)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.ip().blockAfter(99)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.ip().blockAfter(100)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.window()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aSuccessClearsTheAddressButNotTheClient() {
        LoginThrottle throttle = throttle(6379);
        for (int i = 0; i < 20; i++) {
            throttle.failed(i < 5 ? email : "other-" + i + email, ip);
        }
        throttle.succeeded(email);

        assertThatCode(() -> throttle.check(email, "203.0.113.9")).doesNotThrowAnyException();
        assertThat(refusal(throttle)).isEqualTo(Duration.ofSeconds(1)); // the client's 20th failure
    }

    @Test
    void redisDownRefusesTheLogInAndCountsIt() {
        LoginThrottle throttle = throttle(1); // nothing listens on port 1

        assertThatThrownBy(() -> throttle.check(email, ip)).isInstanceOf(LoginThrottleUnavailableException.class);
        assertThatThrownBy(() -> throttle.failed(email, ip)).isInstanceOf(LoginThrottleUnavailableException.class);
        assertThatCode(() -> throttle.succeeded(email)).doesNotThrowAnyException();
        assertThat(meters.find("sellavie.identity.login.throttle.failures").counters().stream()
                .map(counter -> counter.getId().getTag("operation") + "=" + counter.count()))
                .containsExactlyInAnyOrder("check=1.0", "count=1.0", "reset=1.0");
    }

    private Duration refusal(LoginThrottle throttle) {
        try {
            throttle.check(email, ip);
        } catch (LoginThrottledException e) {
            return e.retryAfter();
        }
        throw new AssertionError("not throttled");
    }

    private LoginThrottle throttle(int port) {
        connections = new JedisConnectionFactory(new RedisStandaloneConfiguration("localhost", port),
                JedisClientConfiguration.builder().readTimeout(Duration.ofMillis(500)).build());
        connections.afterPropertiesSet();
        connections.start();
        StringRedisTemplate redis = new StringRedisTemplate(connections);
        return new LoginThrottle(redis, meters, limits, clock);
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-30T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
