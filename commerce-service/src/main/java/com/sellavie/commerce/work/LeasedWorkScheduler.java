package com.sellavie.commerce.work;

import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drains a work queue of due rows: one poller thread finds them across businesses (a named global
 * lookup, ids only), claims each as its business (the subclass's lease) and hands it to one of a few
 * worker threads, so work that hangs on a third party holds one worker, never the Kafka consumers nor
 * the other businesses' work. Woken when something became due or a worker is free, else every poll
 * interval. On stop, claims not finished are left to their lease: their rows stay due.
 *
 * @param <C> a claim on one row
 */
public abstract class LeasedWorkScheduler<C> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeasedWorkScheduler.class);
    private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private final String name;
    private final String work;
    private final String dueLookup;
    private final Tenancy tenancy;
    private final int workerCount;
    private final Duration pollInterval;
    private final MeterRegistry meters;
    private final String pollFailureMetric;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Semaphore free;
    private ExecutorService workers;
    private Thread poller;

    /**
     * @param name              thread names: {@code <name>-poller}, {@code <name>-worker-<n>}
     * @param work              what is due, for the logs ("checkout links")
     * @param dueLookup         the global lookup {@link #due} runs in
     * @param pollFailureMetric counted when looking for or claiming due work fails
     */
    protected LeasedWorkScheduler(String name, String work, String dueLookup, Tenancy tenancy, int workerCount,
            Duration pollInterval, MeterRegistry meters, String pollFailureMetric) {
        this.name = name;
        this.work = work;
        this.dueLookup = dueLookup;
        this.tenancy = tenancy;
        this.workerCount = workerCount;
        this.pollInterval = pollInterval;
        this.meters = meters;
        this.pollFailureMetric = pollFailureMetric;
    }

    /** Up to {@code limit} claimable rows of any business, longest due first. Runs in the global lookup. */
    protected abstract List<Due> due(int limit);

    /** Takes the row (empty when another instance was faster or it is no longer due). Runs as its business. */
    protected abstract Optional<C> claim(Due due);

    /** Works the claim, on a worker thread, recording its outcome. */
    protected abstract void work(C claim);

    /** {@link #work} failed unexpectedly (e.g. the database went away): count and log; due again when the lease ends. */
    protected abstract void workFailed(C claim, RuntimeException e);

    /** Something became due: look now rather than at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    @Override
    public synchronized void start() {
        free = new Semaphore(workerCount);
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(workerCount,
                task -> new Thread(task, name + "-worker-" + count.incrementAndGet()));
        running = true;
        poller = Thread.ofPlatform().name(name + "-poller").daemon().start(this::poll);
    }

    private void poll() {
        Duration wait = pollInterval;
        while (running) {
            try {
                claimDue();
                wait = pollInterval;
                awaitWakeUp(wait);
            } catch (RuntimeException e) {
                meters.counter(pollFailureMetric).increment();
                log.warn("Could not look for due {}: {}: {}; trying again in {}", work, e.getClass().getName(),
                        e.getMessage(), wait);
                awaitWakeUp(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_POLL_BACKOFF) > 0 ? MAX_POLL_BACKOFF : wait.multipliedBy(2);
            }
        }
    }

    private void claimDue() {
        int available = free.availablePermits();
        if (available == 0) {
            return;
        }
        List<Due> due = tenancy.globalLookup(dueLookup, () -> due(available));
        for (Due candidate : due) {
            if (!running) {
                return;
            }
            try {
                tenancy.callAs(candidate.businessId(), () -> claim(candidate)).ifPresent(this::submit);
            } catch (RuntimeException e) {
                meters.counter(pollFailureMetric).increment();
                log.warn("Could not claim {} {} (business {}): {}: {}", work, candidate.id(), candidate.businessId(),
                        e.getClass().getName(), e.getMessage());
            }
        }
    }

    private void submit(C claim) {
        free.acquireUninterruptibly();
        workers.execute(() -> {
            try {
                work(claim);
            } catch (RuntimeException e) {
                workFailed(claim, e);
            } finally {
                free.release();
                wakeUp();
            }
        });
    }

    private void awaitWakeUp(Duration wait) {
        try {
            if (wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp();
        try {
            poller.join(pollInterval.toMillis() + 1000);
            workers.shutdown();
            if (!workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                // Their leases run out and another instance works them (subclasses say why that is harmless).
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A due row: its id and its business. */
    public record Due(UUID id, UUID businessId) {
    }
}
