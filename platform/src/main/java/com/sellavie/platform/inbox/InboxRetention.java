package com.sellavie.platform.inbox;

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
 * Deletes inbox entries older than the retention window, in small batches, on its own thread.
 * Every instance of a service may run it: deleting the same expired rows twice is harmless.
 */
public class InboxRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);
    private static final String DELETE_BATCH = "DELETE FROM inbox WHERE ctid IN "
            + "(SELECT ctid FROM inbox WHERE processed_at < ? LIMIT ?)";

    private final JdbcTemplate jdbc;
    private final InboxProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public InboxRetention(JdbcTemplate jdbc, InboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes every entry older than the retention window; returns how many. */
    public int deleteExpired() {
        Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(properties.retention()));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(DELETE_BATCH, cutoff, properties.cleanupBatch());
            total += deleted;
        } while (deleted == properties.cleanupBatch());
        if (total > 0) {
            log.info("Inbox retention deleted {} entries processed before {}", total, cutoff.toInstant());
        }
        return total;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inbox-retention");
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
            log.warn("Inbox retention failed, retrying in {}: {}", properties.cleanupInterval(), e.getMessage());
        }
    }
}
