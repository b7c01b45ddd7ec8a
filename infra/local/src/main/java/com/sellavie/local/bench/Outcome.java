package com.sellavie.local.bench;

import java.util.List;

/**
 * What happened to one DM: when it was due (both clocks), its webhook's answer, and every send the Graph API
 * stub received for its customer (nanoTime of receipt, in order).
 *
 * @param ackNanos when the webhook's answer arrived, -1 if none did
 * @param ackStatus the HTTP status, -1 for no answer (timeout, connection refused)
 * @param firstSendMillis wall-clock receipt of the first send, -1 if none (for the per-hop times)
 */
record Outcome(int index, int phase, boolean measured, String channelType, String customer, long dueNanos,
        long dueMillis, long ackNanos, int ackStatus, List<Long> sendNanos, long firstSendMillis) {

    boolean replied() {
        return !sendNanos.isEmpty();
    }

    boolean duplicated() {
        return sendNanos.size() > 1;
    }

    /** Due time to the first send's receipt, in ms (open loop: from when it should have gone out). */
    long latencyMillis() {
        return (sendNanos.getFirst() - dueNanos) / 1_000_000;
    }

    boolean acknowledged() {
        return ackStatus == 200;
    }

    long ackMillis() {
        return (ackNanos - dueNanos) / 1_000_000;
    }
}
