package com.sellavie.identity.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.identity.email-throttle}: how many email-sending requests one client address and one
 * recipient address may make per {@code window}, and how often a signed-in user may resend a verification.
 * {@code keyPrefix} starts every counter's Redis key: a stack that must not share counts with others on the
 * same Redis (a benchmark's fresh stack beside a developer's) names its own.
 */
@ConfigurationProperties("sellavie.identity.email-throttle")
public record EmailThrottleProperties(int perIp, int perAddress, Duration window, Duration resendInterval,
        String keyPrefix) {

    public static final String DEFAULT_KEY_PREFIX = "sellavie:account-email:";

    public EmailThrottleProperties {
        perIp = perIp <= 0 ? 20 : perIp;
        perAddress = perAddress <= 0 ? 5 : perAddress;
        window = window == null ? Duration.ofHours(1) : window;
        resendInterval = resendInterval == null ? Duration.ofMinutes(1) : resendInterval;
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? DEFAULT_KEY_PREFIX : keyPrefix;
    }
}
