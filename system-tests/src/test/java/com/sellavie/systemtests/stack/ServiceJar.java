package com.sellavie.systemtests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
     * A private, extracted copy of the jar for this run ({@code java -Djarmode=tools -jar <jar> extract}: the
     * application jar and its {@code lib/}), returning the application jar to run. Private: a module rebuilt while
     * the tests run (another build rewriting {@code target/}) must not change the classes under a running JVM, or a
     * restart. Extracted: classes load from plain jars instead of jars nested in the fat jar, as in the service
     * image (infra/images/service) and {@code ./sellavie up}; seven services starting side by side on two cores
     * are CPU-bound, so what each start costs is what the whole stack waits (docs/reliability.md, CI time).
     */
    Path extractInto(Path folder) {
        Path destination = folder.resolve(module);
        try {
            deleteRecursively(destination);
            Files.createDirectories(folder);
            Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", path().toString(), "extract", "--destination", destination.toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve(module + "-extract.log").toFile()).start();
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IllegalStateException("Could not extract the " + service + " jar, see "
                        + folder.resolve(module + "-extract.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the " + service + " jar", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting the " + service + " jar", e);
        }
        Path application = destination.resolve(path().getFileName());
        if (!Files.isRegularFile(application)) {
            throw new IllegalStateException("Extracting the " + service + " jar made no " + application);
        }
        return application;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
