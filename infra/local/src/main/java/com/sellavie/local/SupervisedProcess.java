package com.sellavie.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process the launcher keeps running, as an orchestrator would: when it dies while the stack is up (a
 * crash, an out-of-memory kill, {@code kill -9}), it is started again after a pause that doubles with each
 * failure in a row (1 s, 2 s, 4 s, ... up to a minute), so a service that cannot start does not spin; the
 * count of failures in a row resets once a run has lasted {@link #STABLE}. Each exit and restart is logged
 * with the exit code and how long the run lasted; the restarted process appends to the same log file.
 */
final class SupervisedProcess implements AutoCloseable {

    private static final Logger console = LoggerFactory.getLogger("sellavie");
    static final Duration STABLE = Duration.ofMinutes(5);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);

    private final String name;
    private final Supplier<ManagedProcess> starter;
    private final Consumer<SupervisedProcess> afterRestart;
    private final Duration firstPause;
    private final Duration longestPause;
    private final Clock clock;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile ManagedProcess current;
    private volatile Instant startedAt;
    private Thread watcher;

    /**
     * @param starter      starts the process (first run: log truncated; later runs: appended, by the caller's choice)
     * @param afterRestart called on the supervising thread after each restart (e.g. to wait for readiness)
     */
    SupervisedProcess(String name, Supplier<ManagedProcess> starter, Consumer<SupervisedProcess> afterRestart,
            Duration firstPause, Duration longestPause, Clock clock) {
        this.name = name;
        this.starter = starter;
        this.afterRestart = afterRestart;
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.clock = clock;
    }

    /** Starts the first run and the supervision of it and of every later run. */
    SupervisedProcess start() {
        current = starter.get();
        startedAt = clock.instant();
        watcher = Thread.ofVirtual().name("supervise-" + name).start(this::supervise);
        return this;
    }

    String name() {
        return name;
    }

    /** The current run (a dead one while a restart is pending). */
    ManagedProcess current() {
        return current;
    }

    int restarts() {
        return restarts.get();
    }

    Instant startedAt() {
        return startedAt;
    }

    /** The pause before restart number {@code failuresInARow + 1}: doubling from the first, at most the longest. */
    Duration pauseAfter(int failuresInARow) {
        Duration pause = firstPause;
        for (int i = 0; i < failuresInARow && pause.compareTo(longestPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }

    private void supervise() {
        int failuresInARow = 0;
        while (!isClosing()) {
            int exitCode;
            try {
                exitCode = current.waitFor();
            } catch (InterruptedException e) {
                return;
            }
            if (isClosing()) {
                return;
            }
            Duration lasted = Duration.between(startedAt, clock.instant());
            if (lasted.compareTo(STABLE) >= 0) {
                failuresInARow = 0;
            }
            Duration pause = pauseAfter(failuresInARow++);
            console.warn("{} exited with code {} after {} s; restarting it in {} ms (restart {}; log {})", name,
                    exitCode, lasted.toSeconds(), pause.toMillis(), restarts.get() + 1, current.logFile());
            try {
                if (closing.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                // Under the lock stop() takes: a run started here is never missed by a concurrent stop.
                synchronized (this) {
                    if (isClosing()) {
                        return;
                    }
                    current = starter.get();
                    startedAt = clock.instant();
                    restarts.incrementAndGet();
                }
                afterRestart.accept(this);
            } catch (RuntimeException e) {
                // The dead run stays current: the loop sees it exited and tries again after a longer pause.
                console.error("{} could not be restarted: {}", name, e.getMessage());
            }
        }
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    /** Ends the supervision, then stops the current run (SIGTERM, then SIGKILL after {@code grace}). */
    void stop(Duration grace) {
        ManagedProcess last;
        synchronized (this) {
            closing.countDown();
            last = current;
        }
        last.stop(grace);
        if (watcher != null) {
            try {
                watcher.join(grace.plusSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }
}
