package com.sellavie.conversation.outbound;

import com.sellavie.conversation.outbound.OutboundQueue.QueuedMessage;
import com.sellavie.platform.observability.QueuedWorkTracing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the outbound queue: a poller (woken when a message is queued, else every {@code poll-interval})
 * claims due messages for a small pool of workers, each making one Send API call at a time, so a slow
 * or failing channel holds at most {@code per-business-workers} of them and never a Kafka consumer.
 * It also turns sends whose sender died mid-call (ATTEMPTING, lease expired) into UNKNOWN.
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

    private final OutboundQueue queue;
    private final SendClaims claims;
    private final OutboundSender sender;
    private final UnrecordedSends unrecorded;
    private final SendMetrics metrics;
    private final OutboundProperties settings;
    private final QueuedWorkTracing tracing;
    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, AtomicInteger> inFlightPerBusiness = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile Thread poller;
    private ExecutorService workers;
    private Instant nextSweep = Instant.MIN;
    private int failedPolls;

    SendScheduler(OutboundQueue queue, SendClaims claims, OutboundSender sender, UnrecordedSends unrecorded,
            SendMetrics metrics, OutboundProperties settings, QueuedWorkTracing tracing) {
        this.tracing = tracing;
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
        unrecorded.retryDue();
        dispatch();
    }

    /** Claims as many due messages as there are free workers, fair across businesses. */
    private void dispatch() {
        int free = settings.workers() - inFlight.get();
        if (free <= 0) {
            return;
        }
        List<QueuedMessage> due = queue.due(free * 2 + settings.perBusinessWorkers(), settings.perBusinessWorkers());
        for (QueuedMessage message : due) {
            if (stopping || inFlight.get() >= settings.workers()) {
                return;
            }
            AtomicInteger business = inFlightPerBusiness.computeIfAbsent(message.businessId(), id -> new AtomicInteger());
            if (business.get() >= settings.perBusinessWorkers()) {
                continue;
            }
            Optional<ClaimedSend> claimed = claims.claim(message, settings.instanceId(), settings.leaseDuration());
            if (claimed.isPresent()) {
                inFlight.incrementAndGet();
                business.incrementAndGet();
                workers.execute(() -> work(claimed.get(), business));
            }
        }
    }

    private void work(ClaimedSend send, AtomicInteger business) {
        try {
            // Continues the trace that queued the message (the assistant's reply arriving, a member's request).
            tracing.run("sellavie.outbound.attempt", "outbound send", send.traceparent(),
                    () -> sender.attempt(send, settings, () -> stopping));
        } catch (RuntimeException e) {
            log.warn("Message {} (conversation {}, business {}): send step failed ({}: {}); left to its lease "
                            + "(PENDING: claimed again; ATTEMPTING: UNKNOWN)", send.messageId(), send.conversation().id(),
                    send.businessId(), e.getClass().getName(), e.getMessage());
        } finally {
            business.decrementAndGet();
            inFlight.decrementAndGet();
            wake();
        }
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
