package com.sellavie.conversation.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sending (prefix {@code sellavie.outbound}).
 *
 * @param maxAttempts     Send API calls per message, first included, for retryable failures (5xx, 429, Meta rate limits)
 * @param initialBackoff  pause after the first failed attempt; doubled after each, up to {@code maxBackoff}
 * @param maxBackoff      longest pause between attempts
 * @param connectTimeout  connecting to the Graph API (a connect failure is retried: nothing was sent)
 * @param requestTimeout  waiting for Meta's answer; past it the outcome is UNKNOWN (maybe sent), never retried
 * @param pendingTimeout  a message PENDING longer than this (its sender died) is marked UNKNOWN by the sweeper
 */
@ConfigurationProperties("sellavie.outbound")
record OutboundProperties(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration connectTimeout,
        Duration requestTimeout, Duration pendingTimeout) {

    OutboundProperties {
        maxAttempts = maxAttempts == null ? 4 : Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
        pendingTimeout = pendingTimeout == null ? Duration.ofMinutes(5) : pendingTimeout;
    }
}
