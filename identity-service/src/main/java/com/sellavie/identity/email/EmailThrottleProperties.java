package com.sellavie.identity.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.identity.email-throttle}: how many email-sending requests one client address and one
 * recipient address may make per {@code window}, and how often a signed-in user may resend a verification.
 */
@ConfigurationProperties("sellavie.identity.email-throttle")
public record EmailThrottleProperties(int perIp, int perAddress, Duration window, Duration resendInterval) {

    public EmailThrottleProperties {
        perIp = perIp <= 0 ? 20 : perIp;
        perAddress = perAddress <= 0 ? 5 : perAddress;
        window = window == null ? Duration.ofHours(1) : window;
        resendInterval = resendInterval == null ? Duration.ofMinutes(1) : resendInterval;
    }
}
