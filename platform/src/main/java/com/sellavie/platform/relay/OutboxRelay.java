package com.sellavie.platform.relay;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays one database's outbox to Kafka. Every instance of a service runs one; the instance that holds
 * the database's advisory lock (and keeps its lease fresh) streams, the others retry the lock every
 * {@code lockRetryInterval} and take over when the leader's session ends or its lease expires. The
 * leader also watches its replication slot (a slot PostgreSQL invalidated is replaced, and the outbox
 * republished) and its deliveries (a leader Kafka has not acknowledged for a while steps down). Plain
 * Java: usable without Spring ({@link RelayLifecycle} runs it in a service).
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** A service has 10 s to stop; the engine gets 5 (usually done in 1), the coordinator's step 2. */
    private static final Duration ENGINE_STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration COORDINATOR_STOP_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SLOT_DROP_TIMEOUT = Duration.ofSeconds(10);
    // Asked only after a record's send failed twice waiting for its topic; as long as the producer's own wait.
    private static final Duration MISSING_TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOST_LOCK_BACKOFF = 3;

    private final RelayDatabase db;
    private final RelayProperties settings;
    private final Supplier<Producer<String, byte[]>> producers;
    private final MissingTopics missingTopics;
    private final String slotName;
    private final String instanceId;
    private final Clock clock;
    private final RelayStatus status;
    private final LeaderLock lock;
    private final RelayMetrics metrics;
    private final RelayCheckpoint checkpoint;
    private final DeadLetterStore deadLetters;
    private final OutboxRepublisher republisher;
    private ScheduledExecutorService coordinator;
    private volatile EngineRun engine;
    private volatile Instant restartAt = Instant.MIN;
    private volatile Instant nextLockAttempt = Instant.MIN;
    private volatile boolean stopping;
    private String recreateReason = "missing";

    public OutboxRelay(RelayDatabase db, RelayProperties settings, Map<String, Object> producerConfig) {
        this(db, settings, producerConfig, null);
    }

    /** With the relay's counters and gauges ({@code sellavie.relay.*}) in {@code registry} (may be null). */
    public OutboxRelay(RelayDatabase db, RelayProperties settings, Map<String, Object> producerConfig,
            MeterRegistry registry) {
        this(db, settings, RelayProducers.factory(producerConfig, settings.getProducer(), db.name()),
                MissingTopics.of(RelayProducers.config(producerConfig, settings.getProducer(), db.name()), db.name(),
                        MISSING_TOPIC_CHECK_TIMEOUT),
                Clock.systemUTC(), registry);
    }

    OutboxRelay(RelayDatabase db, RelayProperties settings, Supplier<Producer<String, byte[]>> producers, Clock clock,
            MeterRegistry registry) {
        this(db, settings, producers, MissingTopics.NONE, clock, registry);
    }

    private OutboxRelay(RelayDatabase db, RelayProperties settings, Supplier<Producer<String, byte[]>> producers,
            MissingTopics missingTopics, Clock clock, MeterRegistry registry) {
        this.missingTopics = missingTopics;
        this.db = db;
        this.settings = settings;
        this.producers = producers;
        this.clock = clock;
        this.slotName = settings.getSlotName() == null || settings.getSlotName().isBlank() ? db.defaultSlotName()
                : settings.getSlotName();
        this.instanceId = settings.getInstanceId() == null || settings.getInstanceId().isBlank() ? defaultInstanceId()
                : settings.getInstanceId();
        this.status = new RelayStatus(clock);
        this.lock = new LeaderLock(db, settings.getLockKey(), instanceId);
        this.metrics = new RelayMetrics(registry, slotName);
        // A stopped relay is not asked: the query would open its lock session again.
        metrics.watch(status::snapshot,
                () -> status.snapshot().role() == RelayState.Role.STOPPED ? null : lock.slotLagBytes(slotName));
        this.checkpoint = new RelayCheckpoint(db, slotName, settings.getOffsetFlushInterval(), metrics, clock);
        this.deadLetters = new DeadLetterStore(db);
        this.republisher = new OutboxRepublisher(db, slotName, settings.getRepublishBatchSize(), status, metrics,
                deadLetters, checkpoint);
    }

    /**
     * Creates the replication slot if it does not exist yet (so events written from now on are kept
     * for the relay) and starts competing for the lock in the background.
     */
    public synchronized void start() {
        if (coordinator != null) {
            return;
        }
        ensureSlot();
        stopping = false;
        status.role(RelayState.Role.STANDBY);
        coordinator = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay-coordinator");
            thread.setDaemon(true);
            return thread;
        });
        coordinator.scheduleWithFixedDelay(this::tick, 0, settings.getLockRetryInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Outbox relay {} started for {} (slot {})", instanceId, db, slotName);
        List<String> unpatched = DebeziumPatches.notActive();
        if (!unpatched.isEmpty()) {
            log.warn("Debezium classes loaded from Debezium's jar, not from platform's patched copies: {} (a change waits"
                    + " up to two poll intervals, idle polls spin, every event's summary is formatted; put platform before"
                    + " Debezium on the classpath)", unpatched);
        }
        if (!WalArrival.available()) {
            log.warn("This pgjdbc's connection internals are not the ones the relay's WAL reader waits on: it pauses"
                    + " {} between looks instead (each change may wait that long)", settings.getPollInterval());
        }
    }

    /**
     * Stops streaming (a batch still waiting for Kafka is abandoned and sent again later; the offsets of
     * what Kafka acknowledged are stored), then gives up the lock. Takes a few seconds at most.
     */
    public synchronized void stop() {
        if (coordinator == null) {
            return;
        }
        stopping = true;
        EngineRun running = engine;
        coordinator.shutdown();
        try {
            if (running != null) {
                // Unblocks a coordinator step waiting on it, and starts the engine's close at once.
                running.stop(ENGINE_STOP_TIMEOUT);
            }
            if (!coordinator.awaitTermination(COORDINATOR_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                coordinator.shutdownNow();
            }
        } catch (InterruptedException e) {
            coordinator.shutdownNow();
            Thread.currentThread().interrupt();
        }
        coordinator = null;
        // The run stopped above is done or left to finish in the background; a run the coordinator started
        // meanwhile (a race) gets the full wait: it must not stream once the lock is released.
        stopEngine(engine == running ? Duration.ofMillis(100) : ENGINE_STOP_TIMEOUT);
        lock.close();
        status.role(RelayState.Role.STOPPED);
        if (settings.isDropSlotOnStop()) {
            // Tests only: what is written while no slot exists is republished from exactly here on restart.
            checkpoint.markRepublishFromAcknowledged();
            dropSlot();
        }
        checkpoint.close();
        missingTopics.close();
        log.info("Outbox relay {} stopped", instanceId);
    }

    @Override
    public void close() {
        stop();
    }

    public RelayState state() {
        return status.snapshot();
    }

    public String slotName() {
        return slotName;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Application name of the session holding the lock ("sellavie-relay &lt;instance&gt;"), if any. */
    public String leader() {
        return lock.holder();
    }

    /** WAL bytes the slot retains beyond what the relay confirmed; null if unknown. */
    public Long slotLagBytes() {
        return lock.slotLagBytes(slotName);
    }

    private void tick() {
        try {
            if (stopping) {
                return;
            }
            Instant now = clock.instant();
            if (!lock.isHeld()) {
                if (now.isBefore(nextLockAttempt)) {
                    return;
                }
                if (lock.tryAcquire()) {
                    log.info("Outbox relay {} is the leader for {}", instanceId, db);
                    status.role(RelayState.Role.LEADER);
                    // Kafka's silence is timed per leadership (not per engine run: a run failing on an
                    // unreachable Kafka restarts every few seconds and must not reset it).
                    status.delivered();
                    startEngine();
                } else {
                    status.role(RelayState.Role.STANDBY);
                    takeOverFromSilentLeader();
                }
            } else if (!lock.stillHeld()) {
                // Another instance may hold the lock already (or end this one's sessions): stop before it streams too.
                log.warn("Outbox relay {} cannot confirm its lock and lease; stopping its engine", instanceId);
                stopEngine();
                status.role(RelayState.Role.STANDBY);
                // Let a standby that saw the lock free take over rather than flap back and forth.
                nextLockAttempt = clock.instant().plus(settings.getLockRetryInterval().multipliedBy(LOST_LOCK_BACKOFF));
            } else if (kafkaSilentTooLong(now)) {
                stepDown(now);
            } else if ("lost".equals(lock.slotWalStatus(slotName))) {
                stopEngine();
                startEngine();
            } else if ((engine == null || engine.finished()) && !now.isBefore(restartAt)) {
                log.info("Outbox relay {} restarts its engine", instanceId);
                startEngine();
            }
        } catch (RuntimeException e) {
            log.error("Outbox relay {} coordinator step failed", instanceId, e);
            status.failed(e.toString());
            restartAt = clock.instant().plus(settings.getRestartDelay());
        }
    }

    /** The lock is held by a session whose lease expired: its host or network is gone. End it and take over. */
    private void takeOverFromSilentLeader() {
        lock.staleLeader(settings.getLeaderTimeout()).ifPresent(stale -> {
            log.warn("Outbox relay leader '{}' has not renewed its lease for {} s (over {}): relay {} ends its "
                    + "sessions and takes over", stale.applicationName(), Math.round(stale.silentSeconds()),
                    settings.getLeaderTimeout(), instanceId);
            metrics.tookOver("lease-expired");
            lock.terminate(stale.pid());
            lock.slotUser(slotName).ifPresent(lock::terminate);
        });
    }

    private boolean kafkaSilentTooLong(Instant now) {
        Instant since = status.undeliveredSince();
        return since != null && Duration.between(since, now).compareTo(settings.getKafkaStepDownAfter()) > 0;
    }

    /** Kafka has acknowledged nothing for too long: maybe only this instance cannot reach it. */
    private void stepDown(Instant now) {
        log.error("Outbox relay {} could not get Kafka to acknowledge any event for over {}: stepping down (engine "
                + "stopped, lock released) for {} so another instance can try", instanceId,
                settings.getKafkaStepDownAfter(), settings.getKafkaStepDownAfter());
        metrics.steppedDown("kafka-unreachable");
        stopEngine();
        lock.close();
        status.delivered();
        status.role(RelayState.Role.STANDBY);
        nextLockAttempt = now.plus(settings.getKafkaStepDownAfter());
    }

    /**
     * PostgreSQL invalidated the slot (it held more than max_slot_wal_keep_size of WAL): it can never stream
     * again. Drop it; the caller creates a new one, and the outbox is republished from the last acknowledged
     * position.
     */
    private void dropLostSlot() {
        log.error("Replication slot {} was invalidated by PostgreSQL (wal_status 'lost': the relay fell behind by "
                + "more than max_slot_wal_keep_size); relay {} drops it, creates a new one and republishes the outbox "
                + "from its last acknowledged position", slotName, instanceId);
        lock.slotUser(slotName).ifPresent(lock::terminate);
        dropSlot();
        recreateReason = "lost";
    }

    private void ensureSlot() {
        try {
            ReplicationSlot.Outcome outcome = ReplicationSlot.ensureExists(db, slotName, settings.getOffsetsTable(),
                    settings.getRepublishMargin());
            if (outcome == ReplicationSlot.Outcome.RECREATED) {
                log.warn("Replication slot {} was {} and has been created again by relay {}: the outbox is republished "
                        + "from the last acknowledged position before the new slot streams", slotName, recreateReason,
                        instanceId);
                metrics.slotRecreated(recreateReason);
            } else if (outcome == ReplicationSlot.Outcome.CREATED) {
                log.info("Replication slot {} created", slotName);
            }
            recreateReason = "missing";
        } catch (SQLException e) {
            throw new RelayException("Could not create replication slot " + slotName + " in " + db
                    + " (the role needs the REPLICATION attribute)", e);
        }
    }

    private void startEngine() {
        if ("lost".equals(lock.slotWalStatus(slotName))) {
            dropLostSlot();
        }
        // Again here: the slot may have been dropped while this instance stood by.
        ensureSlot();
        // This instance holds the lock: whoever still streams from the slot is a former leader's walsender.
        lock.slotUser(slotName).ifPresent(pid -> {
            log.warn("Slot {} is still used by backend {} (a former leader's walsender): ending it", slotName, pid);
            lock.terminate(pid);
        });
        Properties config = DebeziumOutboxConfig.of(db, settings, slotName);
        Producer<String, byte[]> producer = producers.get();
        engine = EngineRun.start(config, producer, status,
                abandon -> new KafkaForwarder(producer, status, metrics, deadLetters, checkpoint, missingTopics, abandon),
                republisher::republishIfMarked,
                error -> {
                    log.warn("Outbox relay engine stopped on an error; restarting in {}", settings.getRestartDelay(), error);
                    restartAt = clock.instant().plus(settings.getRestartDelay());
                });
    }

    private void stopEngine() {
        stopEngine(ENGINE_STOP_TIMEOUT);
    }

    private void stopEngine(Duration timeout) {
        EngineRun running = engine;
        if (running != null) {
            running.stop(timeout);
            engine = null;
        }
        status.streaming(false);
        checkpoint.flush();
    }

    private void dropSlot() {
        long deadline = System.nanoTime() + SLOT_DROP_TIMEOUT.toNanos();
        try {
            // The engine's WAL sender may take a moment to let go of the slot after the engine stopped.
            while (!ReplicationSlot.dropIfInactive(db, slotName) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            log.warn("Could not drop replication slot {}: {}", slotName, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String defaultInstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return host + "-" + ProcessHandle.current().pid();
    }
}
