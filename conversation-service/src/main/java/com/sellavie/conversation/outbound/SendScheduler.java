package com.sellavie.conversation.outbound;

import com.sellavie.conversation.outbound.OutboundQueue.QueuedMessage;
import com.sellavie.platform.observability.QueuedWorkTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the outbound queue: a small pool of workers, each making one Send API call at a time, so a slow
 * or failing channel holds at most {@code per-business-workers} of them and never a Kafka consumer. A
 * message usually reaches a worker straight from {@link OutboundIntake}, which claims it in the
 * transaction that records it when a worker is free ({@link #reserveWorker}); the rest (no worker free,
 * an older message of the conversation still open, retries, team replies) a poller claims: woken when
 * such a message is queued, when a worker ends while its last poll left due messages for want of workers
 * or while a message of that conversation waits behind it, else every {@code poll-interval}. The poller
 * also turns sends whose sender died mid-call (ATTEMPTING, lease expired) into UNKNOWN.
 *
 * <p>Stopping (SIGTERM): no new claims; in-flight calls get up to request-timeout + 1 s to finish and
 * be recorded, then are interrupted (UNKNOWN); claimed but unattempted messages are given back PENDING.
 */
@Component
class SendScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendScheduler.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);
    private static final Duration MAX_IDLE_ON_ERRORS = Duration.ofSeconds(5);
    private static final int SWEEP_BATCH = 100;
    /** Past this many remembered conversations the hint is dropped: their next messages wait for the poll. */
    private static final int MAX_WAITING_BEHIND = 10_000;

    private final OutboundQueue queue;
    private final SendClaims claims;
    private final OutboundSender sender;
    private final UnrecordedSends unrecorded;
    private final SendMetrics metrics;
    private final OutboundProperties settings;
    private final QueuedWorkTracing tracing;
    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    /** Workers busy or reserved, in all and per business. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, AtomicInteger> inFlightPerBusiness = new ConcurrentHashMap<>();
    /** Conversations with a message recorded while an older one was in flight here: its end wakes the poller. */
    private final Set<UUID> waitingBehind = ConcurrentHashMap.newKeySet();
    private final Counter claimedByIntake;
    private final Counter claimedByPoller;
    private volatile boolean stopping;
    private volatile boolean waitingForWorkers;
    private volatile Thread poller;
    private volatile ExecutorService workers;
    private Instant nextSweep = Instant.MIN;
    private int failedPolls;

    SendScheduler(OutboundQueue queue, SendClaims claims, OutboundSender sender, UnrecordedSends unrecorded,
            SendMetrics metrics, OutboundProperties settings, QueuedWorkTracing tracing, MeterRegistry meters) {
        this.tracing = tracing;
        this.claimedByIntake = claims(meters, "intake");
        this.claimedByPoller = claims(meters, "poller");
        this.queue = queue;
        this.claims = claims;
        this.sender = sender;
        this.unrecorded = unrecorded;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Look for due messages now (a message was just queued) instead of at the next poll. */
    void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    /**
     * A worker kept for one message of {@code businessId}, to be given it or released; empty when none is
     * free for that business (or the scheduler is not running).
     */
    Optional<Slot> reserveWorker(UUID businessId) {
        if (stopping || workers == null || !incrementBelow(inFlight, settings.workers())) {
            return Optional.empty();
        }
        AtomicInteger business = inFlightPerBusiness.computeIfAbsent(businessId, id -> new AtomicInteger());
        if (!incrementBelow(business, settings.perBusinessWorkers())) {
            inFlight.decrementAndGet();
            return Optional.empty();
        }
        return Optional.of(new Slot(business));
    }

    /**
     * A message of this conversation was recorded while an older one was still open: when a send of it
     * ends here, the poller looks at once instead of at its next poll.
     */
    void waitsBehindOlder(UUID conversationId) {
        waitingBehind.add(conversationId);
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        stopping = false;
        AtomicInteger number = new AtomicInteger();
        // Daemon threads: a JVM exiting without a stop abandons its sends like a crash would, and the leases cover that.
        workers = Executors.newFixedThreadPool(settings.workers(), r -> Thread.ofPlatform().daemon()
                .name("outbound-sender-" + settings.instanceId() + "-" + number.incrementAndGet()).unstarted(r));
        poller = Thread.ofPlatform().daemon().name("outbound-scheduler-" + settings.instanceId()).start(this::run);
        log.info("Outbound send scheduler {} started: {} workers (at most {} per business), lease {}",
                settings.instanceId(), settings.workers(), settings.perBusinessWorkers(), settings.leaseDuration());
    }

    private void run() {
        while (!stopping) {
            Duration idle = settings.pollInterval();
            try {
                pollOnce();
                failedPolls = 0;
            } catch (RuntimeException e) {
                failedPolls++;
                idle = backoff(idle, failedPolls);
                log.warn("Outbound scheduler poll failed ({}: {}), {} in a row; next poll in {}",
                        e.getClass().getName(), e.getMessage(), failedPolls, idle);
            }
            try {
                wakeups.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pollOnce() {
        Instant now = Instant.now();
        if (!now.isBefore(nextSweep)) {
            nextSweep = now.plus(SWEEP_EVERY);
            sweepInterrupted();
            metrics.due(queue.dueCount());
        }
        if (inFlight.get() == 0 || waitingBehind.size() > MAX_WAITING_BEHIND) {
            waitingBehind.clear(); // no send of this instance will end to use them
        }
        unrecorded.retryDue();
        dispatch();
    }

    /** Claims as many due messages as there are free workers, fair across businesses. */
    private void dispatch() {
        waitingForWorkers = false;
        int free = settings.workers() - inFlight.get();
        if (free <= 0) {
            waitingForWorkers = true;
            return;
        }
        List<QueuedMessage> due = queue.due(free * 2 + settings.perBusinessWorkers(), settings.perBusinessWorkers());
        for (QueuedMessage message : due) {
            if (stopping) {
                return;
            }
            // Reserved before the claim: a claim never waits for a worker (it would run down its lease).
            Optional<Slot> worker = reserveWorker(message.businessId());
            if (worker.isEmpty()) {
                waitingForWorkers = true;
                continue;
            }
            Optional<ClaimedSend> claimed;
            try {
                claimed = claims.claim(message, settings.instanceId(), settings.leaseDuration());
            } catch (RuntimeException e) {
                worker.get().release();
                throw e;
            }
            if (claimed.isPresent()) {
                worker.get().submit(claimed.get(), claimedByPoller);
            } else {
                worker.get().release();
            }
        }
    }

    private void work(ClaimedSend send, Slot slot) {
        try {
            // Continues the trace that queued the message (the assistant's reply arriving, a member's request).
            tracing.run("sellavie.outbound.attempt", "outbound send", send.traceparent(),
                    () -> sender.attempt(send, settings, () -> stopping));
        } catch (RuntimeException e) {
            log.warn("Message {} (conversation {}, business {}): send step failed ({}: {}); left to its lease "
                            + "(PENDING: claimed again; ATTEMPTING: UNKNOWN)", send.messageId(), send.conversation().id(),
                    send.businessId(), e.getClass().getName(), e.getMessage());
        } finally {
            slot.free();
            // Not after every send: a poll finds nothing new unless one of these holds.
            if (waitingBehind.remove(send.conversation().id()) | waitingForWorkers) {
                wake();
            }
        }
    }

    /** A worker kept for one message: {@link #submit} gives it the message, {@link #release} gives it back. */
    final class Slot {

        private final AtomicInteger business;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Slot(AtomicInteger business) {
            this.business = business;
        }

        /** Sends {@code send}, claimed by the caller, on this worker; {@code by} counts who claimed it. */
        void submit(ClaimedSend send, Counter by) {
            if (!held.compareAndSet(true, false)) {
                throw new IllegalStateException("This worker slot was already used or released");
            }
            by.increment();
            try {
                workers.execute(() -> work(send, this));
            } catch (RejectedExecutionException stopped) {
                free();
                try {
                    claims.release(send, settings.instanceId()); // stopping: due again at once, for anyone
                } catch (RuntimeException e) {
                    log.warn("Stopping: could not give message {} back ({}: {}); claimable again when its lease ends",
                            send.messageId(), e.getClass().getName(), e.getMessage());
                }
            }
        }

        /** Sends {@code send}, claimed by {@link OutboundIntake} as it recorded it. */
        void submitRecorded(ClaimedSend send) {
            submit(send, claimedByIntake);
        }

        /** Not needed after all: the worker is free again. */
        void release() {
            if (held.compareAndSet(true, false)) {
                free();
            }
        }

        private void free() {
            business.decrementAndGet();
            inFlight.decrementAndGet();
        }
    }

    private static boolean incrementBelow(AtomicInteger counter, int limit) {
        int current;
        do {
            current = counter.get();
            if (current >= limit) {
                return false;
            }
        } while (!counter.compareAndSet(current, current + 1));
        return true;
    }

    private static Counter claims(MeterRegistry meters, String by) {
        return Counter.builder("sellavie.outbound.claims").tag("by", by)
                .description("Outbound messages claimed for a send, by the intake that recorded them or by the poller")
                .register(meters);
    }

    private void sweepInterrupted() {
        for (QueuedMessage message : queue.interrupted(SWEEP_BATCH)) {
            claims.markInterrupted(message).ifPresent(reason -> {
                metrics.outcome(SendMetrics.INTERRUPTED);
                log.warn("Outbound message {} (business {}) was being sent by an instance that stopped answering "
                        + "(lease expired): UNKNOWN ({}), not re-sent", message.messageId(), message.businessId(), reason);
            });
        }
    }

    @Override
    public void stop(Runnable callback) {
        Thread.ofPlatform().name("outbound-scheduler-stop").start(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        });
    }

    @Override
    public synchronized void stop() {
        Thread running = poller;
        if (running == null) {
            return;
        }
        stopping = true;
        wake();
        try {
            running.join(settings.requestTimeout().toMillis());
            workers.shutdown();
            Duration drain = settings.requestTimeout().plusSeconds(1);
            if (!workers.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Outbound sends still in flight after {}: interrupting them (recorded UNKNOWN)", drain);
                workers.shutdownNow();
                workers.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        unrecorded.lastTry();
        poller = null;
        log.info("Outbound send scheduler {} stopped", settings.instanceId());
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** Stops with the Kafka listener containers (same phase, in parallel), before the relay. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private static Duration backoff(Duration base, int failures) {
        Duration wait = base.multipliedBy(1L << Math.min(failures, 6));
        return wait.compareTo(MAX_IDLE_ON_ERRORS) <= 0 ? wait : MAX_IDLE_ON_ERRORS;
    }
}
