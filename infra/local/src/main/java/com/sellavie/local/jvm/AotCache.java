package com.sellavie.local.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One service module's ahead-of-time cache (JDK 25, JEP 483/514/515: classes loaded and linked and method
 * profiles from a training run; JDK 25 keeps no compiled code in it), kept in the data folder ({@code jvm/<module>/}).
 * The cache only fits the exact class path it was recorded with, and a Spring Boot fat jar's nested jars
 * are not one, so the jar is extracted first ({@code app/}: the application jar and its {@code lib/}).
 * Extraction and cache are redone when the jar changes; the cache also when the JDK or the options change.
 */
public final class AotCache {

    /** Extracts a Spring Boot jar into a folder ({@code java -Djarmode=tools -jar <jar> extract}). */
    @FunctionalInterface
    public interface Extractor {
        void extract(Path jar, Path destination);
    }

    private final Path folder;
    private final String runtimeVersion;
    private final List<String> options;

    /**
     * @param folder this module's folder in the data folder
     * @param runtimeVersion the services' JDK ({@code java.runtime.version}): a cache fits one JDK build
     * @param options the JVM options the services run with: a cache fits one set of GC and heap flags
     */
    public AotCache(Path folder, String runtimeVersion, List<String> options) {
        this.folder = folder;
        this.runtimeVersion = runtimeVersion;
        this.options = List.copyOf(options);
    }

    /** The extracted application jar to run, extracting {@code jar} again when it changed since the last time. */
    public Path extractedJar(Path jar, Extractor extractor) {
        Path destination = folder.resolve("app");
        Path application = destination.resolve(jar.getFileName());
        String stamp = jarStamp(jar);
        if (stamp.equals(readStamp("extracted.stamp")) && Files.isRegularFile(application)) {
            return application;
        }
        deleteRecursively(destination);
        deleteRecursively(cacheFile());
        deleteRecursively(folder.resolve("cache.stamp"));
        extractor.extract(jar, destination);
        if (!Files.isRegularFile(application)) {
            throw new IllegalStateException("Extracting " + jar + " made no " + application);
        }
        writeStamp("extracted.stamp", stamp);
        return application;
    }

    /** Whether a cache recorded from this jar, with this JDK and these options, is there to use. */
    public boolean isCurrent(Path jar) {
        return Files.isRegularFile(cacheFile()) && cacheStamp(jar).equals(readStamp("cache.stamp"));
    }

    /** Options of the training run: start, refresh the application context, exit, write the cache. */
    public List<String> recordingOptions() {
        return List.of("-XX:AOTCacheOutput=" + cacheFile(), "-Dspring.context.exit=onRefresh");
    }

    /** Called after a training run that ended well: true (and the cache is current) when it wrote the cache. */
    public boolean recorded(Path jar) {
        if (!Files.isRegularFile(cacheFile())) {
            return false;
        }
        writeStamp("cache.stamp", cacheStamp(jar));
        return true;
    }

    /** Options of a normal start with the cache. */
    public List<String> usingOptions() {
        return List.of("-XX:AOTCache=" + cacheFile());
    }

    Path cacheFile() {
        return folder.resolve("app.aot");
    }

    private String cacheStamp(Path jar) {
        return jarStamp(jar) + "\nruntime=" + runtimeVersion + "\noptions=" + String.join(" ", options);
    }

    private static String jarStamp(Path jar) {
        try {
            return "jar=" + jar.toAbsolutePath() + " " + Files.size(jar) + " bytes, modified "
                    + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    private String readStamp(String name) {
        Path file = folder.resolve(name);
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void writeStamp(String name, String stamp) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + folder.resolve(name), e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }
}
