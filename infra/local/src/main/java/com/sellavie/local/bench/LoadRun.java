package com.sellavie.local.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Fires phases of load back to back from now (open loop), sampling the load average every 10 s, then waits
 * until each of their DMs had a send or the drain time passed, and a little longer for late duplicates.
 */
final class LoadRun {

    /** What one call fired: when its first DM was due, and its phases' numbers in the ledger. */
    record Ran(long startNanos, Set<Integer> phases) {
    }

    private static final long LATE_DUPLICATES_MILLIS = 2_000;

    private final DmFirer firer;
    private final Ledger ledger;
    private final int drainSeconds;
    private final List<String> loadSamples;
    private int nextIndex;
    private int nextPhase;

    LoadRun(DmFirer firer, Ledger ledger, int drainSeconds, List<String> loadSamples) {
        this.firer = firer;
        this.ledger = ledger;
        this.drainSeconds = drainSeconds;
        this.loadSamples = loadSamples;
    }

    Ran run(List<Schedule.Phase> phases) throws InterruptedException {
        int firstIndex = nextIndex;
        int firstPhase = nextPhase;
        List<Schedule.Slot> slots = Schedule.slots(phases);
        long startNanos = System.nanoTime() + 200_000_000L;
        long startMillis = System.currentTimeMillis() + 200;
        Thread sampler = Thread.ofPlatform().daemon().name("bench-load-average").start(this::sampleLoad);
        try {
            OpenLoop.run(slots, startNanos, (slot, dueNanos) -> firer.fire(firstIndex + slot.index(),
                    firstPhase + slot.phase(), phases.get(slot.phase()).measured(), dueNanos,
                    startMillis + (dueNanos - startNanos) / 1_000_000));
            nextIndex += slots.size();
            nextPhase += phases.size();
            Set<Integer> ran = new HashSet<>();
            for (int p = firstPhase; p < nextPhase; p++) {
                ran.add(p);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
            while (System.nanoTime() < deadline && !ledger.allReplied(ran)) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
            TimeUnit.MILLISECONDS.sleep(LATE_DUPLICATES_MILLIS);
            return new Ran(startNanos, ran);
        } finally {
            sampler.interrupt();
        }
    }

    /** DMs fired so far. */
    int fired() {
        return nextIndex;
    }

    private void sampleLoad() {
        try {
            while (true) {
                TimeUnit.SECONDS.sleep(10);
                synchronized (loadSamples) {
                    loadSamples.add(PipelineBenchmark.LoadAverage.now().split(" ")[0]);
                }
            }
        } catch (InterruptedException e) {
            // The load is over.
        }
    }
}
