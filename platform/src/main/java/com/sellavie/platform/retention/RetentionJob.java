package com.sellavie.platform.retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes what is past its retention window every {@code interval}, on its own daemon thread, in
 * batches. Every instance of a service may run it: deleting the same expired rows twice is harmless.
 * A failed run is logged and the next one retries: a failing cleanup never ends the schedule.
 */
public abstract class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final String name;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    protected RetentionJob(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** Deletes everything past retention now; returns how many rows. */
    public abstract int deleteExpired();

    /** Called when a run failed (after the WARN), e.g. to count it. */
    protected void failed(RuntimeException failure) {
    }

    /** Runs {@code deleteOneBatch} until it deletes fewer than {@code batchSize} rows; returns the total. */
    protected static int inBatches(int batchSize, IntSupplier deleteOneBatch) {
        int total = 0;
        int deleted;
        do {
            deleted = deleteOneBatch.getAsInt();
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
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

    private void runQuietly() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            log.warn("{} failed, retrying in {}: {}: {}", name, interval, e.getClass().getSimpleName(), e.getMessage());
            failed(e);
        }
    }
}
