package com.sellavie.ai.reply;

import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drains {@code reply_jobs}: one poller thread finds due jobs of every business (global lookup
 * {@value ReplyJobs#DUE_LOOKUP}), claims them as their businesses (one statement per business), and hands them to a
 * {@link ReplyWorkerPool} of at most {@code sellavie.ai.reply-workers} virtual threads. Woken at once when a job is
 * recorded unclaimed, when a conversation's next job becomes its head, and when a worker is done while the last poll
 * left due jobs for want of workers; else every {@code reply-poll-interval}. A request that finds a worker free when it
 * arrives skips the poller: {@link ReplyIntake} records its job already claimed and hands it over on commit
 * ({@link #reserveWorker}).
 *
 * <p>On stop: no more claims; in-flight model calls get {@code reply-shutdown-grace} to finish;
 * those still running are abandoned and their claims released, so the jobs stay PENDING and another
 * instance (or this one, restarted) answers them at once; the model is then called twice for them.
 */
@Component
class ReplyJobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplyJobScheduler.class);
    private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(5);
    private static final int HEAD_CHECK_SECONDS = 30;

    private final ReplyJobs jobs;
    private final ReplyJobWorker worker;
    private final Tenancy tenancy;
    private final ReplyJobProperties properties;
    private final MeterRegistry meters;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter polled;
    private volatile boolean running;
    /** The last poll may have left due jobs behind: every worker was taken. */
    private volatile boolean waitingForWorkers;
    private volatile ReplyWorkerPool workers;
    private Thread poller;
    private long lastHeadCheck = System.nanoTime();

    ReplyJobScheduler(ReplyJobs jobs, ReplyJobWorker worker, Tenancy tenancy, ReplyJobProperties properties,
            MeterRegistry meters) {
        this.jobs = jobs;
        this.worker = worker;
        this.tenancy = tenancy;
        this.properties = properties;
        this.meters = meters;
        this.polled = claims(meters, "poller");
        Gauge.builder("sellavie.ai.reply_jobs.in_flight", this, ReplyJobScheduler::inFlight)
                .description("Reply jobs whose model call is running on this instance").register(meters);
    }

    /** A job was recorded or a worker is free: look for due jobs now rather than at the next poll. */
    void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * A worker is done: a poll is worth it only if the last one left due jobs for want of workers (the
     * common case, a job handed over by the intake finishing with nothing queued, costs no query).
     */
    private void workerFinished() {
        if (waitingForWorkers) {
            wakeUp();
        }
    }

    /** The next job of a conversation became claimable (its head finished). */
    @TransactionalEventListener
    void on(ReplyJobs.HeadPromoted promoted) {
        wakeUp();
    }

    @Override
    public synchronized void start() {
        workers = new ReplyWorkerPool(properties.replyWorkers(), worker, jobs, tenancy, meters, this::workerFinished);
        running = true;
        lastHeadCheck = System.nanoTime() - TimeUnit.SECONDS.toNanos(HEAD_CHECK_SECONDS);
        poller = Thread.ofPlatform().name("reply-jobs-poller").start(this::poll);
        log.info("Reply jobs: {} worker(s), lease {}, retry horizon {}, max age {}", properties.replyWorkers(),
                properties.replyLease(), properties.retryHorizon(), properties.replyMaxAge());
    }

    private void poll() {
        Duration wait = properties.replyPollInterval();
        while (running) {
            try {
                boolean drained = claimDueJobs();
                wait = properties.replyPollInterval();
                if (drained) {
                    awaitWakeUp(wait);
                }
            } catch (RuntimeException e) {
                meters.counter("sellavie.ai.reply_jobs.poll_failures").increment();
                log.warn("Could not look for due reply jobs: {}: {}; trying again in {}", e.getClass().getName(),
                        e.getMessage(), wait);
                awaitWakeUp(wait);
                wait = min(wait.multipliedBy(2), MAX_POLL_BACKOFF);
            }
        }
    }

    /** Jobs claimed for a worker: by the poller, or at once by the intake that recorded them ({@code by}). */
    static Counter claims(MeterRegistry meters, String by) {
        return Counter.builder("sellavie.ai.reply_jobs.claimed").tag("by", by)
                .description("Reply jobs claimed for a worker, by the poller or at once by the intake").register(meters);
    }

    /**
     * A free worker kept for a job the caller is about to record already claimed (the intake, in its
     * transaction); empty when every worker is busy or the scheduler is not running: the job is then
     * recorded unclaimed and found by the poller.
     */
    Optional<ReplyWorkerPool.Slot> reserveWorker() {
        ReplyWorkerPool current = workers;
        if (!running || current == null) {
            return Optional.empty();
        }
        return current.reserve(1).stream().findFirst();
    }

    /**
     * Claims as many due jobs as there are free workers; true when there is nothing more to claim now.
     * Workers are reserved per business just before its claim, not for the whole poll: an intake recording
     * a job meanwhile still finds a worker free and hands its job over itself.
     */
    private boolean claimDueJobs() {
        int free = workers.free();
        if (free == 0) {
            waitingForWorkers = true;
            return true;
        }
        repairHeadsIfItIsTime();
        List<ReplyJobs.DueJob> due = tenancy.globalLookup(ReplyJobs.DUE_LOOKUP, () -> jobs.due(free));
        Map<UUID, List<UUID>> byBusiness = due.stream().collect(Collectors.groupingBy(ReplyJobs.DueJob::businessId,
                LinkedHashMap::new, Collectors.mapping(ReplyJobs.DueJob::id, Collectors.toList())));
        int claimed = 0;
        boolean outOfWorkers = false;
        for (Map.Entry<UUID, List<UUID>> business : byBusiness.entrySet()) {
            if (!running) {
                return true;
            }
            Deque<ReplyWorkerPool.Slot> slots = new ArrayDeque<>(workers.reserve(business.getValue().size()));
            if (slots.isEmpty()) {
                outOfWorkers = true; // taken by intakes since the count: they hand their jobs over themselves
                break;
            }
            try {
                List<UUID> ids = business.getValue().subList(0, slots.size());
                List<ReplyJobs.Claim> claims = tenancy.callAs(business.getKey(),
                        () -> jobs.claim(ids, properties.replyLease()));
                claimed += claims.size();
                polled.increment(claims.size());
                claims.forEach(claim -> start(claim, slots.pop()));
            } catch (RuntimeException e) {
                // One business whose jobs cannot be claimed must not keep the others' from being claimed.
                meters.counter("sellavie.ai.reply_jobs.poll_failures").increment();
                log.warn("Could not claim reply jobs {} of business {}: {}: {}", business.getValue(),
                        business.getKey(), e.getClass().getName(), e.getMessage());
            } finally {
                slots.forEach(ReplyWorkerPool.Slot::release);
            }
        }
        waitingForWorkers = outOfWorkers || due.size() >= free;
        return outOfWorkers || due.size() < free || claimed == 0;
    }

    /**
     * Every {@value #HEAD_CHECK_SECONDS} s: PENDING jobs left without a head (a bug in the head
     * bookkeeping) would never be found by the due query, so they are looked for and promoted, loudly.
     */
    private void repairHeadsIfItIsTime() {
        long now = System.nanoTime();
        if (now - lastHeadCheck < TimeUnit.SECONDS.toNanos(HEAD_CHECK_SECONDS)) {
            return;
        }
        lastHeadCheck = now;
        repairHeads();
    }

    /** Promotes the PENDING jobs left without a head; how many it promoted. */
    int repairHeads() {
        int repaired = 0;
        for (ReplyJobs.Headless job : tenancy.globalLookup(ReplyJobs.DUE_LOOKUP, () -> jobs.headless(100))) {
            if (tenancy.callAs(job.businessId(), () -> jobs.promote(job))) {
                repaired++;
                meters.counter("sellavie.ai.reply_jobs.heads_repaired").increment();
                log.warn("Reply job {} of business {} (conversation {}) was PENDING with no older job before it but not "
                        + "marked as its conversation's head; marked now so it gets answered", job.id(),
                        job.businessId(), job.conversationId());
            }
        }
        if (repaired > 0) {
            wakeUp();
        }
        return repaired;
    }

    /** Works the claimed job on the worker kept for it; the worker is given back if the job cannot be read. */
    private void start(ReplyJobs.Claim claim, ReplyWorkerPool.Slot slot) {
        ReplyJob job;
        try {
            job = claim.toJob();
        } catch (RuntimeException unreadable) {
            slot.release();
            String reason = "the stored ReplyRequested cannot be read: " + unreadable.getClass().getSimpleName() + ": "
                    + unreadable.getMessage();
            tenancy.runAs(claim.businessId(), () -> jobs.markUnreadable(claim, reason));
            meters.counter(ReplyJobOutcomes.METRIC, "outcome", "failed").increment();
            log.error("Gave up {}: {}", claim, reason, unreadable);
            return;
        }
        slot.submit(job);
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
    public void stop() {
        stop(() -> { });
    }

    @Override
    public synchronized void stop(Runnable callback) {
        if (!running) {
            callback.run();
            return;
        }
        running = false;
        wakeUp();
        try {
            poller.join(properties.replyPollInterval().toMillis() + 1000);
            workers.stop(properties.replyShutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.abandonInFlight();
        } finally {
            callback.run();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the Kafka listener containers and the web server (lower phases), starts after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private double inFlight() {
        ReplyWorkerPool current = workers;
        return current == null ? 0 : current.inFlight();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
