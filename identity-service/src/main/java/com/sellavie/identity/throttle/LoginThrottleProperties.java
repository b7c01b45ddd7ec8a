package com.sellavie.identity.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard log-in failures are throttled ({@code sellavie.identity.login-throttle}).
 *
 * @param account failures against one email address (whether or not an account has it)
 * @param ip      failures from one client address (higher: an office or a carrier NAT shares one)
 * @param window  failures are forgotten this long after the last one (default 1 hour)
 */
@ConfigurationProperties("sellavie.identity.login-throttle")
public record LoginThrottleProperties(Limit account, Limit ip, Duration window) {

    public LoginThrottleProperties {
        account = account == null ? new Limit(5, 10, null, null, null) : account;
        ip = ip == null ? new Limit(20, 100, null, null, null) : ip;
        window = window == null ? Duration.ofHours(1) : window;
        if (!window.isPositive()) {
            throw new IllegalArgumentException("sellavie.identity.login-throttle.window must be positive");
        }
    }

    /**
     * One key's rule: the first {@code freeFailures} failures cost nothing; each further failure refuses
     * attempts for {@code firstDelay} doubled per failure (at most {@code maxDelay}); from failure
     * {@code lockAfter} on, every failure locks for {@code lockDuration}.
     */
    public record Limit(int freeFailures, int lockAfter, Duration firstDelay, Duration maxDelay,
            Duration lockDuration) {

        public Limit {
            firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
            maxDelay = maxDelay == null ? Duration.ofMinutes(1) : maxDelay;
            lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
            if (freeFailures < 1 || lockAfter <= freeFailures || !firstDelay.isPositive()
                    || maxDelay.compareTo(firstDelay) < 0 || !lockDuration.isPositive()) {
                throw new IllegalArgumentException("sellavie.identity.login-throttle: need 1 <= free-failures < "
                        + "lock-after, 0 < first-delay <= max-delay, lock-duration > 0");
            }
        }

        /** How long attempts are refused after the {@code failures}-th failure (zero: not at all). */
        Duration blockAfter(long failures) {
            if (failures >= lockAfter) {
                return lockDuration;
            }
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            long doublings = Math.min(failures - freeFailures, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }
}
