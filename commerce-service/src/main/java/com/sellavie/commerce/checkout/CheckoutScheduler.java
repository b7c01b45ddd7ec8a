package com.sellavie.commerce.checkout;

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
 * Drains due checkout links: one poller thread finds them across businesses, claims each as its
 * business and hands it to one of {@code workers} threads, so a provider that hangs holds one worker,
 * never the Kafka consumers nor the other businesses' checkouts. Woken when an order is placed or a
 * worker is free, else every {@code poll-interval}. On stop, claims not finished are released after
 * a short grace; their orders stay due.
 */
@Component
class CheckoutScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckoutScheduler.class);
    private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private final CheckoutQueue queue;
    private final CheckoutWorker worker;
    private final Tenancy tenancy;
    private final CheckoutProperties properties;
    private final MeterRegistry meters;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Semaphore free;
    private ExecutorService workers;
    private Thread poller;

    CheckoutScheduler(CheckoutQueue queue, CheckoutWorker worker, Tenancy tenancy, CheckoutProperties properties,
            MeterRegistry meters) {
        this.queue = queue;
        this.worker = worker;
        this.tenancy = tenancy;
        this.properties = properties;
        this.meters = meters;
    }

    /** Something became due (an order was placed): look now rather than at the next poll. */
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
                task -> new Thread(task, "checkout-worker-" + count.incrementAndGet()));
        running = true;
        poller = Thread.ofPlatform().name("checkout-poller").daemon().start(this::poll);
    }

    private void poll() {
        Duration wait = properties.pollInterval();
        while (running) {
            try {
                claimDue();
                wait = properties.pollInterval();
                awaitWakeUp(wait);
            } catch (RuntimeException e) {
                meters.counter("sellavie.commerce.checkout.poll_failures").increment();
                log.warn("Could not look for due checkout links: {}: {}; trying again in {}", e.getClass().getName(),
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
        List<CheckoutQueue.Due> due = tenancy.globalLookup(CheckoutQueue.DUE_LOOKUP, () -> queue.due(available));
        for (CheckoutQueue.Due candidate : due) {
            if (!running) {
                return;
            }
            try {
                Optional<CheckoutQueue.Claim> claim = tenancy.callAs(candidate.businessId(),
                        () -> queue.claim(candidate.orderId(), properties.lease()));
                claim.ifPresent(this::submit);
            } catch (RuntimeException e) {
                meters.counter("sellavie.commerce.checkout.poll_failures").increment();
                log.warn("Could not claim the checkout of order {} (business {}): {}: {}", candidate.orderId(),
                        candidate.businessId(), e.getClass().getName(), e.getMessage());
            }
        }
    }

    private void submit(CheckoutQueue.Claim claim) {
        free.acquireUninterruptibly();
        workers.execute(() -> {
            try {
                worker.work(claim);
            } catch (RuntimeException e) {
                // E.g. the database went away before the outcome was recorded: claimable again when the lease ends.
                meters.counter(CheckoutOutcomes.METRIC, "outcome", "error", "provider", "unknown").increment();
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
                // Their leases run out and another instance makes the links; Stripe's idempotency key
                // (the order id) and our Paystack/Flutterwave reference keep a second call harmless.
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
