package com.sellavie.commerce.payment.reconcile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sellavie.commerce.payments.reconcile.*}: the reconciliation scheduler's timing and the bounds
 * of a verify call (the providers' base URLs are checkout's: {@code sellavie.commerce.checkout.*-url}).
 *
 * @param workers              notifications worked at once per instance (verify calls in flight)
 * @param lease                how long a claimed notification belongs to this instance (longer than a call)
 * @param pollInterval         how often due notifications are looked for when nothing wakes the scheduler
 * @param retryInitialInterval first wait after a transient verify failure, doubling per attempt
 * @param retryMaxInterval     longest wait between attempts
 * @param retryHorizon         a provider still unreachable this long after the notification came: VERIFICATION_FAILED
 * @param connectTimeout       verify call connect timeout
 * @param readTimeout          verify call read timeout
 */
@ConfigurationProperties("sellavie.commerce.payments.reconcile")
public record ReconcileProperties(
        @DefaultValue("2") int workers,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("2s") Duration retryInitialInterval,
        @DefaultValue("5m") Duration retryMaxInterval,
        @DefaultValue("24h") Duration retryHorizon,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    /** Wait before attempt {@code attempts + 1}: initial x 2^(attempts-1), at most the max. */
    Duration backoffAfter(int attempts) {
        long millis = retryInitialInterval.toMillis();
        for (int i = 1; i < attempts && millis < retryMaxInterval.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, retryMaxInterval.toMillis()));
    }
}
