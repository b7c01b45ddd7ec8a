package com.sellavie.systemtests.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Open-loop load: item {@code i} is due at {@code start + i / rate} and fired then by one scheduler
 * thread, which never waits for an answer (a slow system cannot slow the load down). Each item learns
 * its scheduled wall-clock time, so latency can count from when it should have gone out.
 */
final class OpenLoop {

    /** Fires one item; must not block. */
    interface Item {
        void fire(int index, long scheduledMillis);
    }

    /** Fires one item with the {@link System#nanoTime()} it was due at (sub-millisecond latencies); must not block. */
    interface PreciseItem {
        void fire(int index, long scheduledNanos);
    }

    /** How the run went: each item's lateness (ms) and the 1-min load average sampled every 10 s. */
    record Run(List<Long> latenessMillis, List<String> loadSamples) {
    }

    private OpenLoop() {
    }

    static Run run(int total, int rate, Item item, Logger log, String what) throws InterruptedException {
        long periodNanos = 1_000_000_000L / rate;
        long startMillis = System.currentTimeMillis() + 100;
        return runPrecise(total, rate, (i, dueNanos) -> item.fire(i, startMillis + i * periodNanos / 1_000_000), log,
                what);
    }

    static Run runPrecise(int total, int rate, PreciseItem item, Logger log, String what) throws InterruptedException {
        long periodNanos = 1_000_000_000L / rate;
        long startNanos = System.nanoTime() + 100_000_000L;
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            lateness.add((System.nanoTime() - (startNanos + i * periodNanos)) / 1_000_000);
            try {
                item.fire(i, startNanos + i * periodNanos);
            } catch (RuntimeException e) {
                // A throwing task would cancel the schedule: the item is reported by its owner as not sent.
                log.warn("{}: item {} not fired", what, i, e);
            }
        }, 100_000_000L, periodNanos, TimeUnit.NANOSECONDS);
        log.info("{}: {} at {}/s", what, total, rate);
        List<String> load = new ArrayList<>();
        while (next.get() < total) {
            TimeUnit.SECONDS.sleep(Math.min(10, Math.max(1, (total - next.get()) / rate + 1)));
            load.add(DmLatencyBenchmark.loadAverage().split(" ")[0]);
            log.info("{}: {} of {} fired, load average {}", what, Math.min(next.get(), total), total,
                    DmLatencyBenchmark.loadAverage());
        }
        pacer.shutdown();
        pacer.awaitTermination(5, TimeUnit.SECONDS);
        return new Run(new ArrayList<>(lateness), load);
    }
}
