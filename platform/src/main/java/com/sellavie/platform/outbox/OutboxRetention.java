package com.sellavie.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes outbox rows older than the retention window, in batches, on its own thread. The publication is
 * insert-only, so these deletes never reach the relay. Every instance of a service may run it: deleting
 * the same expired rows twice is harmless.
 */
public class OutboxRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    private static final String DELETE_BATCH = "DELETE FROM outbox WHERE ctid IN "
            + "(SELECT ctid FROM outbox WHERE created_at < ? LIMIT ?)";

    private final JdbcTemplate jdbc;
    private final OutboxRetentionProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public OutboxRetention(JdbcTemplate jdbc, OutboxRetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes every row older than the retention window; returns how many. */
    public int deleteExpired() {
        Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(properties.retention()));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(DELETE_BATCH, cutoff, properties.cleanupBatch());
            total += deleted;
        } while (deleted == properties.cleanupBatch());
        if (total > 0) {
            log.info("Outbox retention deleted {} events written before {}", total, cutoff.toInstant());
        }
        return total;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-retention");
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
            // The next run retries; a failing cleanup must not kill the schedule.
            log.warn("Outbox retention failed, retrying in {}: {}: {}", properties.cleanupInterval(),
                    e.getClass().getSimpleName(), e.getMessage());
        }
    }
}
