package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.local.jvm.UntilStopped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: where the launcher's children are scheduled, and which signals reach them. */
class ManagedProcessTest {

    @TempDir
    Path folder;

    @Test
    void aChildStaysInTheLaunchersSessionSoTheWholeStackIsOneSchedulingGroup() throws IOException {
        ManagedProcess child = ManagedProcess.start("sleeper", List.of("/bin/sh", "-c", "exec sleep 60"), Map.of(),
                folder, folder.resolve("sleeper.log"));
        try {
            long pid = child.handle().pid();
            // The program is the child itself (the wrapper execs it), so stopping the process stops the program
            await().atMost(Duration.ofSeconds(5)).until(() -> command(pid).startsWith("sleep"));

            assertThat(session(pid)).isEqualTo(session(ProcessHandle.current().pid()));
            Path autogroup = Path.of("/proc/self/autogroup");
            if (Files.exists(autogroup)) {
                // Autogroup scheduling gives each session's group an equal share of a busy machine
                assertThat(Files.readString(Path.of("/proc", String.valueOf(pid), "autogroup")).split(" ")[0])
                        .isEqualTo(Files.readString(autogroup).split(" ")[0]);
            }
        } finally {
            child.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aJvmChildIgnoresTheTerminalsCtrlCAndHangUpAndStopsCleanlyOnStop() throws Exception {
        Path marker = folder.resolve("marker");
        List<String> command = List.of(ManagedProcess.javaBinary(), "-cp", System.getProperty("java.class.path"),
                UntilStopped.class.getName(), marker.toString());
        ManagedProcess child = ManagedProcess.start("jvm", command, Map.of(), folder, folder.resolve("jvm.log"));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(marker)
                    && Files.readString(marker).equals("started"));

            // What a Ctrl-C in the terminal, or closing it, sends to the foreground process group
            signal("INT", child.handle().pid());
            signal("HUP", child.handle().pid());

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(child::isAlive);
            assertThat(Files.readString(marker)).isEqualTo("started");
        } finally {
            child.stop(Duration.ofSeconds(10));
        }
        // The launcher's own stop (SIGTERM) still runs the child's shutdown hooks
        assertThat(child.isAlive()).isFalse();
        assertThat(Files.readString(marker)).isEqualTo("started stopped");
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    /** The session id: the fourth field after the command name in /proc/[pid]/stat. */
    private static String session(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3];
    }

    private static String command(long pid) throws IOException {
        return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).trim();
    }
}
