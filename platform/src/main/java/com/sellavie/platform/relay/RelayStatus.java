package com.sellavie.platform.relay;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Thread-safe record of a relay's role and progress, updated by the coordinator and the engine's threads. */
class RelayStatus {

    private final Clock clock;
    private final AtomicLong published = new AtomicLong();
    private volatile RelayState.Role role = RelayState.Role.STOPPED;
    private volatile Instant since;
    private volatile boolean streaming;
    private volatile Instant lastPublishedAt;
    private volatile String lastError;
    private volatile Instant undeliveredSince;

    RelayStatus(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    void role(RelayState.Role newRole) {
        if (role != newRole) {
            role = newRole;
            since = clock.instant();
        }
        if (newRole != RelayState.Role.LEADER) {
            streaming = false;
        }
    }

    void streaming(boolean value) {
        streaming = value;
        if (value) {
            lastError = null;
        }
    }

    void failed(String error) {
        streaming = false;
        lastError = error;
    }

    void published(int count) {
        published.addAndGet(count);
        lastPublishedAt = clock.instant();
    }

    /** A batch is being sent: from now on, until one is acknowledged, Kafka owes the relay an answer. */
    void deliveryPending() {
        if (undeliveredSince == null) {
            undeliveredSince = clock.instant();
        }
    }

    /** A batch was acknowledged (or there was nothing to send). */
    void delivered() {
        undeliveredSince = null;
    }

    /** Since when no batch has been acknowledged though one was pending (failed batches included); null if none. */
    Instant undeliveredSince() {
        return undeliveredSince;
    }

    RelayState snapshot() {
        return new RelayState(role, streaming, since, lastPublishedAt, published.get(), lastError);
    }
}
