package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes (sh), short pauses: a crashed run is restarted, a stopped one is not. */
class SupervisedProcessTest {

    @TempDir
    Path folder;

    @Test
    void aRunThatDiesIsStartedAgainAfterAPauseAndItsLogKeepsTheEarlierRuns() throws Exception {
        // Given a service that crashes twice at start-up, then stays up
        AtomicInteger runs = new AtomicInteger();
        Path log = folder.resolve("svc.log");
        AtomicInteger restartsSeen = new AtomicInteger();
        SupervisedProcess supervised = new SupervisedProcess("svc", () -> {
            int run = runs.incrementAndGet();
            String script = run <= 2 ? "echo run " + run + "; exit 3" : "echo run " + run + "; exec sleep 60";
            return ManagedProcess.start("svc", List.of("/bin/sh", "-c", script), Map.of(), folder, log, run > 1);
        }, restarted -> restartsSeen.incrementAndGet(), Duration.ofMillis(50), Duration.ofMillis(400),
                Clock.systemUTC());

        // When it is supervised
        supervised.start();

        // Then it was started three times and the third run is alive; each restart was reported
        await().atMost(Duration.ofSeconds(20)).until(() -> runs.get() == 3 && supervised.current().isAlive());
        assertThat(supervised.restarts()).isEqualTo(2);
        assertThat(restartsSeen).hasValue(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log).contains("run 3"));
        assertThat(Files.readString(log)).contains("run 1", "run 2", "run 3");

        // And stopping it ends the run for good: no restart follows
        ManagedProcess last = supervised.current();
        supervised.stop(Duration.ofSeconds(5));
        assertThat(last.isAlive()).isFalse();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> runs.get() == 3);
    }

    @Test
    void aRunKilledFromOutsideIsRestarted() {
        AtomicInteger runs = new AtomicInteger();
        SupervisedProcess supervised = new SupervisedProcess("svc", () -> {
            runs.incrementAndGet();
            return ManagedProcess.start("svc", List.of("/bin/sh", "-c", "exec sleep 60"), Map.of(), folder,
                    folder.resolve("svc.log"), true);
        }, restarted -> { }, Duration.ofMillis(50), Duration.ofMillis(400), Clock.systemUTC()).start();
        try {
            // As kill -9 from a terminal (or the kernel's OOM killer) would
            supervised.current().handle().destroyForcibly();

            await().atMost(Duration.ofSeconds(20)).until(() -> runs.get() == 2 && supervised.current().isAlive());
            assertThat(supervised.restarts()).isEqualTo(1);
        } finally {
            supervised.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void thePauseDoublesWithEachFailureInARowUpToTheLongest() {
        SupervisedProcess supervised = new SupervisedProcess("svc", () -> null, restarted -> { },
                Duration.ofSeconds(1), Duration.ofMinutes(1), Clock.systemUTC());

        assertThat(List.of(0, 1, 2, 3, 5, 6, 7, 40).stream().map(supervised::pauseAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 32L, 60L, 60L, 60L);
    }
}
