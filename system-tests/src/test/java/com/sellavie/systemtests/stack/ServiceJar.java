package com.sellavie.systemtests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The services under test and where their executable jars are: system property
 * {@code sellavie.jar.<service>} (set by this module's failsafe configuration), else the module's
 * {@code target/} folder beside this one.
 */
enum ServiceJar {
    IDENTITY("identity", "identity-service", true),
    INGEST("ingest", "webhook-ingest-service", true),
    CONVERSATION("conversation", "conversation-service", true),
    AI("ai", "ai-service", true),
    COMMERCE("commerce", "commerce-service", true),
    NOTIFICATION("notification", "notification-service", true),
    GATEWAY("gateway", "gateway", false);

    private final String service;
    private final String module;
    private final boolean ownsDatabase;

    ServiceJar(String service, String module, boolean ownsDatabase) {
        this.service = service;
        this.module = module;
        this.ownsDatabase = ownsDatabase;
    }

    String service() {
        return service;
    }

    boolean ownsDatabase() {
        return ownsDatabase;
    }

    Path path() {
        String configured = System.getProperty("sellavie.jar." + service);
        Path jar = configured != null
                ? Path.of(configured)
                : Path.of("..", module, "target", module + "-0.1.0-SNAPSHOT.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No executable jar for " + service + " at " + jar
                    + ": build it first (./mvnw -B -pl " + module + " package -DskipTests, or ./mvnw -B verify"
                    + " from the root, which packages every service before running these tests)");
        }
        return jar;
    }

    /**
     * A private copy of the jar for this run: a module rebuilt while the tests run (another build
     * rewriting {@code target/}) must not change the classes under a running JVM, or a restart.
     */
    Path copyInto(Path folder) {
        try {
            Files.createDirectories(folder);
            return Files.copy(path(), folder.resolve(module + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the " + service + " jar", e);
        }
    }
}
