package com.sellavie.notification.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.email.*}: the link keyset, the sender address and the retry schedule. A failed
 * send is retried after {@code firstRetryDelay}, then each delay times {@code backoffMultiplier}
 * up to {@code maxRetryDelay}; after {@code maxAttempts} attempts the email is FAILED.
 *
 * @param linkKeyset        Tink JSON keyset (AES256_GCM) shared with identity-service; required
 * @param from              the From address
 * @param pollInterval      how often the sender looks for due emails
 * @param batchSize         emails claimed per look
 * @param claimLease        how long a claimed email is left alone by other instances while being sent
 */
@ConfigurationProperties("sellavie.email")
public record EmailProperties(String linkKeyset, String from, Duration pollInterval, int batchSize,
        Duration claimLease, int maxAttempts, Duration firstRetryDelay, double backoffMultiplier,
        Duration maxRetryDelay) {

    public EmailProperties {
        from = from == null || from.isBlank() ? "Sellavie <no-reply@sellavie.local>" : from;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batchSize = batchSize <= 0 ? 20 : batchSize;
        claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(30) : firstRetryDelay;
        backoffMultiplier = backoffMultiplier < 1 ? 2 : backoffMultiplier;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(30) : maxRetryDelay;
    }

    /** The delay before the attempt after {@code attempts} failed ones. */
    Duration retryDelayAfter(int attempts) {
        double millis = firstRetryDelay.toMillis() * Math.pow(backoffMultiplier, Math.max(0, attempts - 1));
        return millis >= maxRetryDelay.toMillis() ? maxRetryDelay : Duration.ofMillis((long) millis);
    }
}
