package com.sellavie.infra.k8s;

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
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("infra/k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found: set -Dsellavie.repo.root");
    }

    static Path k8s() {
        return root().resolve("infra/k8s");
    }
}
