package com.sellavie.local.bench;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires each slot of a {@link Schedule} at its due time from one thread that never waits for an answer, so a
 * slow system cannot slow the load down (no coordinated omission). A slot fired late keeps its due time:
 * its latency counts from when it should have gone out.
 */
final class OpenLoop {

    /** Sends one DM; must not block (it hands the request to an asynchronous client). */
    interface Fire {
        void fire(Schedule.Slot slot, long dueNanos);
    }

    private OpenLoop() {
    }

    /** Blocks until every slot was fired; {@code startNanos}: {@link System#nanoTime()} of offset 0. */
    static void run(List<Schedule.Slot> slots, long startNanos, Fire fire) {
        for (Schedule.Slot slot : slots) {
            long due = startNanos + slot.offsetNanos();
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            fire.fire(slot, due);
        }
    }
}
