package com.sellavie.platform.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

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

    private final MeterRegistry registry;
    private final String slot;

    RelayMetrics(MeterRegistry registry, String slot) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
        this.slot = slot;
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
