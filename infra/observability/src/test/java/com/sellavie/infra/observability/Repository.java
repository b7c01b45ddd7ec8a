package com.sellavie.infra.observability;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root: Maven passes it ({@code sellavie.repo.root}); an IDE run finds it from the working directory. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("sellavie.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/observability")) && Files.isDirectory(dir.resolve("platform"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found: set -Dsellavie.repo.root");
    }

    static Path observability() {
        return root().resolve("infra/observability");
    }
}
