package com.sellavie.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The running stack as the launcher sees it, kept in {@code .sellavie/run.json} for {@code ./sellavie
 * status}: the broker, and each service process (port, pid, restarts, when its current run started).
 * Written whole on every start and restart (to a temporary file, then moved), so a reader never sees
 * half of it.
 */
record RunState(String kafkaBootstrap, List<Instance> instances) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Instance(String name, int port, String healthUrl, long pid, int restarts, String startedAt, String log) {
    }

    void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), this);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<RunState> readFrom(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), RunState.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
