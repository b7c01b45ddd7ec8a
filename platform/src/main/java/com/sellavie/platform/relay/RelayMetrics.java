package com.sellavie.platform.relay;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.function.Supplier;

/**
 * The relay's counters. Without a registry (plain Java use) they count into an empty composite, i.e. nowhere;
 * the logs still say everything.
 */
class RelayMetrics {

    static final String SLOT_RECREATED = "sellavie.relay.slot.recreated";
    static final String REPUBLISHED = "sellavie.relay.republished";
    static final String DEAD_LETTERS = "sellavie.relay.dead.letters";
    static final String UNFORWARDABLE = "sellavie.relay.unforwardable";
    static final String STEP_DOWNS = "sellavie.relay.step.downs";
    static final String TAKEOVERS = "sellavie.relay.takeovers";
    static final String CHECKPOINT_FAILURES = "sellavie.relay.checkpoint.failures";
    static final String LEADER = "sellavie.relay.leader";
    static final String STREAMING = "sellavie.relay.streaming";
    static final String PUBLISHED = "sellavie.relay.published";
    static final String SLOT_LAG = "sellavie.relay.slot.lag";

    private final MeterRegistry registry;
    private final String slot;
    private Supplier<RelayState> state;
    private Supplier<Long> slotLagBytes;

    RelayMetrics(MeterRegistry registry, String slot) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
        this.slot = slot;
    }

    /**
     * Gauges read at scrape time, so an alert can tell "no leader", "a leader that does not stream" and "a
     * slot whose lag grows" apart: {@value #LEADER} and {@value #STREAMING} (1 or 0 per instance),
     * {@value #PUBLISHED} (events Kafka acknowledged) and {@value #SLOT_LAG} in bytes (the WAL the slot
     * retains; queried like the health endpoint does, absent when unknown).
     */
    void watch(Supplier<RelayState> state, Supplier<Long> slotLagBytes) {
        // Held here (as long as the relay lives): meters only keep weak references to what they read.
        this.state = state;
        this.slotLagBytes = slotLagBytes;
        Gauge.builder(LEADER, this, m -> m.state.get().role() == RelayState.Role.LEADER ? 1 : 0).tag("slot", slot)
                .description("1 while this instance holds the relay lock").register(registry);
        Gauge.builder(STREAMING, this, m -> m.state.get().streaming() ? 1 : 0).tag("slot", slot)
                .description("1 while this instance reads the WAL as leader").register(registry);
        FunctionCounter.builder(PUBLISHED, this, m -> m.state.get().published()).tag("slot", slot)
                .description("Outbox events this instance had acknowledged by Kafka").register(registry);
        Gauge.builder(SLOT_LAG, this, RelayMetrics::lagOrNaN).tag("slot", slot).baseUnit("bytes")
                .description("WAL bytes the replication slot retains beyond what the relay confirmed")
                .register(registry);
    }

    private double lagOrNaN() {
        Long bytes = slotLagBytes.get();
        return bytes == null ? Double.NaN : bytes;
    }

    /** A new slot replaced a {@code missing} or {@code lost} one. */
    void slotRecreated(String reason) {
        registry.counter(SLOT_RECREATED, "slot", slot, "reason", reason).increment();
    }

    void republished(long count) {
        registry.counter(REPUBLISHED, "slot", slot).increment(count);
    }

    /** A record Kafka refused for good, kept in relay_dead_letters; reason = the exception's simple name. */
    void deadLettered(String reason) {
        registry.counter(DEAD_LETTERS, "slot", slot, "reason", reason).increment();
    }

    /** A change the relay cannot turn into a Kafka record (kept in relay_dead_letters too). */
    void unforwardable(String reason) {
        registry.counter(UNFORWARDABLE, "slot", slot, "reason", reason).increment();
    }

    void steppedDown(String reason) {
        registry.counter(STEP_DOWNS, "slot", slot, "reason", reason).increment();
    }

    /** This instance ended a silent leader's sessions to take over. */
    void tookOver(String reason) {
        registry.counter(TAKEOVERS, "slot", slot, "reason", reason).increment();
    }

    void checkpointFailed() {
        registry.counter(CHECKPOINT_FAILURES, "slot", slot).increment();
    }
}
