package com.sellavie.local.jvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A program that runs until it is stopped, as the launcher does: it writes "started", then "stopped" in its hook. */
public final class UntilStopped {

    private UntilStopped() {
    }

    public static void main(String[] args) throws Exception {
        Path marker = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(marker, " stopped", StandardOpenOption.APPEND);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        Files.writeString(marker, "started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
