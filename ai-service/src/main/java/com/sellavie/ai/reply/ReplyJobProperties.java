package com.sellavie.ai.reply;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.ai.*}: how reply jobs are drained.
 *
 * @param replyWorkers         model calls in flight at once per instance (virtual threads: hundreds are cheap)
 * @param replyLease           how long a claim holds; a job whose worker died is claimable again after it.
 *                             Must exceed the worst provider chain (the sum of every endpoint's timeout)
 * @param replyPollInterval    how often due jobs are looked for when nothing woke the scheduler
 * @param retryInitialInterval first delay after a transient failure, doubled ({@code retryMultiplier})
 *                             up to {@code retryMaxInterval}
 * @param retryMultiplier      backoff growth
 * @param retryMaxInterval     longest delay between two attempts
 * @param retryHorizon         transient failures are retried until the job is this old, then it FAILS
 * @param replyMaxAge          a request older than this when claimed is not answered by the model
 *                             (EXPIRED, handed to a person); 0 turns the check off
 * @param replyShutdownGrace   on stop, how long in-flight model calls may still finish
 * @param replyJobRetention    finished jobs (DONE, FAILED, EXPIRED) are deleted when older than this
 * @param replyJobCleanupInterval how often that happens
 */
@ConfigurationProperties("sellavie.ai")
record ReplyJobProperties(Integer replyWorkers, Duration replyLease, Duration replyPollInterval,
        Duration retryInitialInterval, Double retryMultiplier, Duration retryMaxInterval, Duration retryHorizon,
        Duration replyMaxAge, Duration replyShutdownGrace, Duration replyJobRetention,
        Duration replyJobCleanupInterval) {

    ReplyJobProperties {
        replyWorkers = replyWorkers == null ? 200 : replyWorkers;
        replyLease = orDefault(replyLease, Duration.ofSeconds(60));
        replyPollInterval = orDefault(replyPollInterval, Duration.ofMillis(500));
        retryInitialInterval = orDefault(retryInitialInterval, Duration.ofSeconds(2));
        retryMultiplier = retryMultiplier == null ? 2.0 : retryMultiplier;
        retryMaxInterval = orDefault(retryMaxInterval, Duration.ofSeconds(60));
        retryHorizon = orDefault(retryHorizon, Duration.ofMinutes(15));
        replyMaxAge = orDefault(replyMaxAge, Duration.ofMinutes(10));
        replyShutdownGrace = orDefault(replyShutdownGrace, Duration.ofSeconds(5));
        replyJobRetention = orDefault(replyJobRetention, Duration.ofDays(7));
        replyJobCleanupInterval = orDefault(replyJobCleanupInterval, Duration.ofHours(1));
        if (replyWorkers < 1) {
            throw new IllegalArgumentException("sellavie.ai.reply-workers must be at least 1, was " + replyWorkers);
        }
        if (retryMultiplier < 1) {
            throw new IllegalArgumentException("sellavie.ai.retry-multiplier must be at least 1, was "
                    + retryMultiplier);
        }
        requirePositive("reply-lease", replyLease);
        requirePositive("reply-poll-interval", replyPollInterval);
        requirePositive("retry-initial-interval", retryInitialInterval);
        requirePositive("reply-job-cleanup-interval", replyJobCleanupInterval);
    }

    /** The delay before attempt {@code attempts + 1}, after {@code attempts} failed ones (at least 1). */
    Duration backoffAfter(int attempts) {
        double millis = retryInitialInterval.toMillis() * Math.pow(retryMultiplier, Math.max(0, attempts - 1));
        return Duration.ofMillis((long) Math.min(millis, retryMaxInterval.toMillis()));
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("sellavie.ai." + name + " must be positive, was " + value);
        }
    }
}
