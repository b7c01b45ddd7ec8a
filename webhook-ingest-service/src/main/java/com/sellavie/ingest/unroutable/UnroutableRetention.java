package com.sellavie.ingest.unroutable;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Deletes kept unroutable DMs older than {@code sellavie.ingest.unroutable.retention}, in batches,
 * on its own thread ({@code sellavie.ingest.unroutable.expired} counts them). Every instance may run
 * it: deleting the same rows twice is harmless.
 */
@Component
public class UnroutableRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UnroutableRetention.class);

    private final UnroutableMessages messages;
    private final UnroutableProperties properties;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;

    UnroutableRetention(UnroutableMessages messages, UnroutableProperties properties, MeterRegistry meters) {
        this.messages = messages;
        this.properties = properties;
        this.meters = meters;
    }

    /** Deletes every kept message received before the retention window; returns how many. */
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int total = 0;
        int deleted;
        do {
            deleted = messages.deleteReceivedBefore(cutoff, properties.cleanupBatch());
            total += deleted;
        } while (deleted == properties.cleanupBatch());
        if (total > 0) {
            meters.counter("sellavie.ingest.unroutable.expired").increment(total);
            log.info("Deleted {} unroutable messages received before {} (retention {}) without a channel to route them",
                    total, cutoff, properties.retention());
        }
        return total;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "unroutable-retention");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.cleanupInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::deleteExpiredQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void deleteExpiredQuietly() {
        try {
            deleteExpired();
        } catch (DataAccessException e) {
            // The next run retries; a failing cleanup must not end the schedule.
            meters.counter("sellavie.ingest.unroutable.cleanup_failures").increment();
            log.warn("Unroutable retention failed, retrying in {}: {}: {}", properties.cleanupInterval(),
                    e.getClass().getSimpleName(), e.getMessage());
        }
    }
}
