package com.sellavie.platform.relay;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * the database's advisory lock streams, the others retry the lock every {@code lockRetryInterval} and
 * take over when the leader's session ends (its process died or it stopped). Plain Java: usable
 * without Spring ({@link RelayLifecycle} runs it in a service).
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration ENGINE_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SLOT_DROP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOST_LOCK_BACKOFF = 3;

    private final RelayDatabase db;
    private final RelayProperties settings;
    private final Supplier<Producer<String, byte[]>> producers;
    private final String slotName;
    private final String instanceId;
    private final Clock clock;
    private final RelayStatus status;
    private final LeaderLock lock;
    private ScheduledExecutorService coordinator;
    private volatile EngineRun engine;
    private volatile Instant restartAt = Instant.MIN;
    private volatile Instant nextLockAttempt = Instant.MIN;
    private volatile boolean stopping;

    public OutboxRelay(RelayDatabase db, RelayProperties settings, Map<String, Object> producerConfig) {
        this(db, settings, RelayProducers.factory(producerConfig, settings.getProducer(), db.name()), Clock.systemUTC());
    }

    OutboxRelay(RelayDatabase db, RelayProperties settings, Supplier<Producer<String, byte[]>> producers, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.producers = producers;
        this.clock = clock;
        this.slotName = settings.getSlotName() == null || settings.getSlotName().isBlank() ? db.defaultSlotName()
                : settings.getSlotName();
        this.instanceId = settings.getInstanceId() == null || settings.getInstanceId().isBlank() ? defaultInstanceId()
                : settings.getInstanceId();
        this.status = new RelayStatus(clock);
        this.lock = new LeaderLock(db, settings.getLockKey(), "sellavie-relay " + instanceId);
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
    }

    /** Stops streaming (storing the offsets of what Kafka acknowledged), then gives up the lock. */
    public synchronized void stop() {
        if (coordinator == null) {
            return;
        }
        stopping = true;
        coordinator.shutdown();
        try {
            if (!coordinator.awaitTermination(ENGINE_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                coordinator.shutdownNow();
            }
        } catch (InterruptedException e) {
            coordinator.shutdownNow();
            Thread.currentThread().interrupt();
        }
        coordinator = null;
        stopEngine();
        lock.close();
        status.role(RelayState.Role.STOPPED);
        if (settings.isDropSlotOnStop()) {
            dropSlot();
        }
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
            if (!lock.isHeld()) {
                if (clock.instant().isBefore(nextLockAttempt)) {
                    return;
                }
                if (lock.tryAcquire()) {
                    log.info("Outbox relay {} is the leader for {}", instanceId, db);
                    status.role(RelayState.Role.LEADER);
                    startEngine();
                } else {
                    status.role(RelayState.Role.STANDBY);
                }
            } else if (!lock.stillHeld()) {
                // Another instance may hold the lock already: stop before it streams too.
                log.warn("Outbox relay {} lost its lock connection; stopping its engine", instanceId);
                stopEngine();
                status.role(RelayState.Role.STANDBY);
                // Let a standby that saw the lock free take over rather than flap back and forth.
                nextLockAttempt = clock.instant().plus(settings.getLockRetryInterval().multipliedBy(LOST_LOCK_BACKOFF));
            } else if ((engine == null || engine.finished()) && !clock.instant().isBefore(restartAt)) {
                log.info("Outbox relay {} restarts its engine", instanceId);
                startEngine();
            }
        } catch (RuntimeException e) {
            log.error("Outbox relay {} coordinator step failed", instanceId, e);
            status.failed(e.toString());
            restartAt = clock.instant().plus(settings.getRestartDelay());
        }
    }

    private void ensureSlot() {
        try {
            ReplicationSlot.ensureExists(db, slotName, settings.getOffsetsTable());
        } catch (SQLException e) {
            throw new RelayException("Could not create replication slot " + slotName + " in " + db
                    + " (the role needs the REPLICATION attribute)", e);
        }
    }

    private void startEngine() {
        // Again here: the slot may have been dropped while this instance stood by.
        ensureSlot();
        Properties config = DebeziumOutboxConfig.of(db, settings, slotName);
        engine = EngineRun.start(config, producers.get(), status, error -> {
            log.warn("Outbox relay engine stopped on an error; restarting in {}", settings.getRestartDelay(), error);
            restartAt = clock.instant().plus(settings.getRestartDelay());
        });
    }

    private void stopEngine() {
        EngineRun running = engine;
        if (running != null) {
            running.stop(ENGINE_STOP_TIMEOUT);
            engine = null;
        }
        status.streaming(false);
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
