package com.sellavie.commerce.payment.reconcile;

import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains due payment notifications: one poller thread finds them across businesses, claims each as its
 * business and hands it to one of {@code workers} threads, so a provider's verify endpoint that hangs or
 * fails holds one worker, never the Kafka consumer nor the other businesses' payments. Woken when a
 * notification is recorded or a worker is free, else every {@code poll-interval}. On stop, claims not
 * finished are left to their lease; their notifications stay due.
 */
@Component
class ReconcileScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconcileScheduler.class);
    private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private final PaymentNotifications queue;
    private final Reconciler worker;
    private final Tenancy tenancy;
    private final ReconcileProperties properties;
    private final MeterRegistry meters;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Semaphore free;
    private ExecutorService workers;
    private Thread poller;

    ReconcileScheduler(PaymentNotifications queue, Reconciler worker, Tenancy tenancy, ReconcileProperties properties,
            MeterRegistry meters) {
        this.queue = queue;
        this.worker = worker;
        this.tenancy = tenancy;
        this.properties = properties;
        this.meters = meters;
    }

    /** Something became due (a notification was recorded): look now rather than at the next poll. */
    void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    @Override
    public synchronized void start() {
        free = new Semaphore(properties.workers());
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(properties.workers(),
                task -> new Thread(task, "payment-reconciler-" + count.incrementAndGet()));
        running = true;
        poller = Thread.ofPlatform().name("payment-reconcile-poller").daemon().start(this::poll);
    }

    private void poll() {
        Duration wait = properties.pollInterval();
        while (running) {
            try {
                claimDue();
                wait = properties.pollInterval();
                awaitWakeUp(wait);
            } catch (RuntimeException e) {
                meters.counter("sellavie.commerce.payments.poll_failures").increment();
                log.warn("Could not look for due payment notifications: {}: {}; trying again in {}", e.getClass().getName(),
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
        List<PaymentNotifications.Due> due = tenancy.globalLookup(PaymentNotifications.DUE_LOOKUP, () -> queue.due(available));
        for (PaymentNotifications.Due candidate : due) {
            if (!running) {
                return;
            }
            try {
                Optional<PaymentNotifications.Claim> claim = tenancy.callAs(candidate.businessId(),
                        () -> queue.claim(candidate.id(), properties.lease()));
                claim.ifPresent(this::submit);
            } catch (RuntimeException e) {
                meters.counter("sellavie.commerce.payments.poll_failures").increment();
                log.warn("Could not claim payment notification {} (business {}): {}: {}", candidate.id(),
                        candidate.businessId(), e.getClass().getName(), e.getMessage());
            }
        }
    }

    private void submit(PaymentNotifications.Claim claim) {
        free.acquireUninterruptibly();
        workers.execute(() -> {
            try {
                worker.work(claim);
            } catch (RuntimeException e) {
                // E.g. the database went away before the outcome was recorded: claimable again when the lease ends.
                meters.counter(ReconcileOutcomes.METRIC, "outcome", "error", "provider", "unknown").increment();
                log.warn("{} failed: {}: {}; claimable again when its lease ends", claim, e.getClass().getName(),
                        e.getMessage());
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
            poller.join(properties.pollInterval().toMillis() + 1000);
            workers.shutdown();
            if (!workers.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                // Their leases run out and another instance works them; a verify call is a read, harmless twice.
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
}
