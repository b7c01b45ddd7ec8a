package com.sellavie.conversation.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sending (prefix {@code sellavie.outbound}).
 *
 * @param workers           Send API calls in flight at once per instance (the scheduler's pool)
 * @param perBusinessWorkers of those, at most this many for one business, so one tenant's slow channel
 *                          leaves workers for the others
 * @param pollInterval      how often the scheduler looks for due messages when nothing wakes it
 * @param leaseDuration     how long a claim holds; must exceed connect + request timeout, since a
 *                          message still ATTEMPTING when its lease runs out is taken for an interrupted send
 * @param instanceId        this instance's name in {@code lease_owner} (default {@code $HOSTNAME-<pid>})
 * @param initialBackoff    wait before the second attempt after a retryable refusal; doubled after each
 * @param maxBackoff        longest wait between attempts
 * @param retryHorizon      retryable refusals are retried until this long after the first attempt, then FAILED
 * @param connectTimeout    connecting to the Graph API (a connect failure is retried: nothing was sent)
 * @param requestTimeout    waiting for Meta's answer; past it the outcome is UNKNOWN (maybe sent), never retried
 * @param replayMaxAge      a dead-letter replay of a reply or request older than this (by its occurredAt) is not sent: EXPIRED
 */
@ConfigurationProperties("sellavie.outbound")
record OutboundProperties(Integer workers, Integer perBusinessWorkers, Duration pollInterval, Duration leaseDuration,
        String instanceId, Duration initialBackoff, Duration maxBackoff, Duration retryHorizon,
        Duration connectTimeout, Duration requestTimeout, Duration replayMaxAge) {

    OutboundProperties {
        workers = workers == null ? 4 : Math.max(1, workers);
        perBusinessWorkers = perBusinessWorkers == null ? Math.max(1, workers / 2)
                : Math.clamp(perBusinessWorkers, 1, workers);
        pollInterval = pollInterval == null ? Duration.ofMillis(150) : pollInterval;
        leaseDuration = leaseDuration == null ? Duration.ofSeconds(30) : leaseDuration;
        instanceId = instanceId == null || instanceId.isBlank() ? defaultInstanceId() : instanceId.strip();
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        retryHorizon = retryHorizon == null ? Duration.ofMinutes(15) : retryHorizon;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(8) : requestTimeout;
        replayMaxAge = replayMaxAge == null ? Duration.ofMinutes(10) : replayMaxAge;
        if (leaseDuration.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            throw new IllegalArgumentException("sellavie.outbound.lease-duration (" + leaseDuration
                    + ") must exceed connect-timeout + request-timeout (" + connectTimeout.plus(requestTimeout)
                    + "): a live send would otherwise be taken for an interrupted one");
        }
    }

    /** Wait before attempt {@code attempts + 1}, after {@code attempts} refused ones: initial x 2^(attempts-1), capped. */
    Duration backoffAfter(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) <= 0 ? wait : maxBackoff;
    }

    OutboundProperties withInstanceId(String id) {
        return new OutboundProperties(workers, perBusinessWorkers, pollInterval, leaseDuration, id, initialBackoff,
                maxBackoff, retryHorizon, connectTimeout, requestTimeout, replayMaxAge);
    }

    private static String defaultInstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "conversation");
        return host + "-" + ProcessHandle.current().pid();
    }
}
