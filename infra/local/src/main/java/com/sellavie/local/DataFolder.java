package com.sellavie.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one folder where the local stack keeps everything between runs ({@code .sellavie/} at the
 * repository root, or {@code SELLAVIE_HOME}); {@code ./sellavie reset} deletes it. {@code jvm} holds each
 * service's extracted jar and AOT cache ({@link ServiceJvm}): {@code root/jvm} but for the bench's stacks, whose
 * caches outlive the data folder each run starts afresh.
 */
record DataFolder(Path root, Path jvm) {

    DataFolder {
        root = root.toAbsolutePath().normalize();
        jvm = jvm.toAbsolutePath().normalize();
    }

    /** A data folder that keeps each service's extracted jar and AOT cache in its {@code jvm/}. */
    DataFolder(Path root) {
        this(root, root.resolve("jvm"));
    }

    static DataFolder of(Path repositoryRoot, String sellavieHome) {
        return new DataFolder(sellavieHome == null || sellavieHome.isBlank()
                ? repositoryRoot.resolve(".sellavie") : Path.of(sellavieHome));
    }

    Path secrets() {
        return root.resolve("secrets");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path registry() {
        return root.resolve("registry");
    }

    /** The running stack's processes, for ./sellavie status (written by the launcher). */
    Path runState() {
        return root.resolve("run.json");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path sandbox() {
        return root.resolve("sandbox");
    }

    Path demoState() {
        return root.resolve("demo.properties");
    }

    Path lockFile() {
        return root.resolve("stack.lock");
    }

    /**
     * Creates the folder. It is traversable by others (0711, not readable) because PostgreSQL runs
     * as {@code nobody} when the launcher is root and must reach its data folder; secrets stay 0600.
     */
    DataFolder create() {
        try {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
            for (Path p : new Path[] {secrets(), logs(), sandbox()}) {
                Files.createDirectories(p);
            }
            Files.setPosixFilePermissions(secrets(), PosixFilePermissions.fromString("rwx------"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the data folder " + root, e);
        }
    }
}
