package com.sellavie.ai.reply;

import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that work claimed jobs, one job each; knows which jobs are in flight so that a stop
 * can release the claims of calls it will not wait for. One per start of {@link ReplyJobScheduler}.
 *
 * <p>A virtual thread per job, at most {@code size} at once (the semaphore): a worker spends nearly all
 * its time waiting for the model, so hundreds in flight cost little memory and no platform threads.
 * Nothing on that path holds a database connection during the model call ({@code ReplyGeneration} is
 * {@code Propagation.NEVER}), so the worker count does not need a connection each.
 */
class ReplyWorkerPool {

    private static final Logger log = LoggerFactory.getLogger(ReplyWorkerPool.class);

    private final ReplyJobWorker worker;
    private final ReplyJobs jobs;
    private final Tenancy tenancy;
    private final MeterRegistry meters;
    private final Runnable onFinished;
    private final Semaphore free;
    private final Map<UUID, ReplyJob> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService threads;
    private volatile boolean stopping;

    ReplyWorkerPool(int size, ReplyJobWorker worker, ReplyJobs jobs, Tenancy tenancy, MeterRegistry meters,
            Runnable onFinished) {
        this.worker = worker;
        this.jobs = jobs;
        this.tenancy = tenancy;
        this.meters = meters;
        this.onFinished = onFinished;
        this.free = new Semaphore(size);
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("reply-worker-", 1).factory());
    }

    /**
     * Up to {@code max} free workers, each kept for one job until it is given that job or released: the
     * poller reserves before it claims, the intake before it records a job already claimed, so neither ever
     * waits for a worker while it holds a claim (a claim waiting for a worker would run down its lease).
     */
    List<Slot> reserve(int max) {
        List<Slot> slots = new ArrayList<>();
        while (slots.size() < max && !stopping && free.tryAcquire()) {
            slots.add(new Slot());
        }
        return slots;
    }

    /** Workers free this instant (none while stopping); {@link #reserve} may still find fewer. */
    int free() {
        return stopping ? 0 : free.availablePermits();
    }

    int inFlight() {
        return inFlight.size();
    }

    private void start(ReplyJob job) {
        inFlight.put(job.id(), job);
        try {
            threads.execute(() -> work(job));
        } catch (RejectedExecutionException stopped) {
            inFlight.remove(job.id());
            free.release();
            tenancy.callAs(job.businessId(), () -> jobs.release(job));
        }
    }

    private void work(ReplyJob job) {
        try {
            worker.work(job);
        } catch (RuntimeException e) {
            // E.g. the database went away before the outcome was recorded. Not given up: claimable again
            // once its lease ends (the model is then called again, its first answer never published).
            meters.counter(ReplyJobOutcomes.METRIC, "outcome", "error").increment();
            log.warn("Reply worker {} on {}: {}: {}; the job is claimable again when its lease ends",
                    stopping ? "stopped" : "failed", job, e.getClass().getName(), e.getMessage());
        } finally {
            inFlight.remove(job.id());
            free.release();
            onFinished.run();
        }
    }

    /**
     * Takes no more jobs, waits up to {@code grace} for those in flight, then abandons the rest: their
     * claims are released, so the jobs are PENDING and claimable at once elsewhere.
     */
    void stop(Duration grace) throws InterruptedException {
        stopping = true;
        threads.shutdown();
        if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            abandonInFlight();
        }
    }

    /** A worker kept for one job: {@link #submit} gives it the job, {@link #release} gives the worker back. */
    final class Slot {

        private final AtomicBoolean held = new AtomicBoolean(true);

        private Slot() {
        }

        /** Works {@code job} (claimed by the caller) on this worker. */
        void submit(ReplyJob job) {
            if (!held.compareAndSet(true, false)) {
                throw new IllegalStateException("This worker slot was already used or released");
            }
            start(job);
        }

        /** Not needed after all: the worker is free again (the poller is not woken: whoever reserved decides). */
        void release() {
            if (held.compareAndSet(true, false)) {
                free.release();
            }
        }
    }

    void abandonInFlight() {
        stopping = true;
        for (ReplyJob job : List.copyOf(inFlight.values())) {
            try {
                if (tenancy.callAs(job.businessId(), () -> jobs.release(job))) {
                    log.warn("Stopping: abandoned the model call of {}; the job stays PENDING for the next instance",
                            job);
                }
            } catch (RuntimeException e) {
                log.warn("Stopping: could not release {} ({}: {}); it is claimable again when its lease ends", job,
                        e.getClass().getName(), e.getMessage());
            }
        }
        // Not shutdownNow(): interrupting a virtual thread closes the socket it is blocked on, and the next
        // one it touches - a pooled JDBC connection's too. The abandoned call ends on its own and its answer
        // is dropped as superseded; a virtual thread does not keep the JVM up meanwhile.
        threads.shutdown();
    }
}
