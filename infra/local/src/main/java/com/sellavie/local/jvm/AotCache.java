package com.sellavie.local.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One service module's ahead-of-time cache (JDK 25, JEP 483/514/515: classes loaded and linked and method
 * profiles from a training run; JDK 25 keeps no compiled code in it), kept in the data folder ({@code jvm/<module>/}).
 * The cache only fits the exact class path it was recorded with, and a Spring Boot fat jar's nested jars
 * are not one, so the jar is extracted first ({@code app/}: the application jar and its {@code lib/}).
 * Extraction and cache are redone when the jar changes; the cache also when the JDK or the options change.
 *
 * <p>Two ways to record it: a <em>start-up</em> training run (start, refresh the context, exit: the classes and
 * profiles of starting only), or a <em>workload</em> recording, a start with {@link #workloadRecordingOptions()}
 * that serves real traffic and writes the cache when it stops ({@link #adoptRecording}): its cache also holds the
 * classes and method profiles of the request and event paths, which a start-up run never reaches.
 */
public final class AotCache {

    /** Extracts a Spring Boot jar into a folder ({@code java -Djarmode=tools -jar <jar> extract}). */
    @FunctionalInterface
    public interface Extractor {
        void extract(Path jar, Path destination);
    }

    /** The platform's end of a training run (com.sellavie.platform.aot.TrainingRunExit). */
    static final String PLATFORM_EXIT = "sellavie.aot.exit-on-refresh";

    private static final String TRAINED_FILE = "cache.trained";
    private static final String START_UP = "start-up";
    private static final String WORKLOAD = "workload";

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
        deleteRecursively(recordingFile());
        deleteRecursively(folder.resolve("cache.stamp"));
        deleteRecursively(folder.resolve(TRAINED_FILE));
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

    /**
     * Options of the training run: start, refresh the application context, exit, write the cache. A service built on
     * the platform ({@code lib/platform-*.jar} in the extracted jar) ends it with the platform's
     * {@value #PLATFORM_EXIT}, when its own context is refreshed; Spring's {@code spring.context.exit=onRefresh} would
     * halt at the first child context an OpenFeign client refreshes, before the service has half its beans. The
     * gateway, which has no such child, uses Spring's.
     */
    public List<String> recordingOptions(Path extractedJar) {
        List<String> options = new ArrayList<>(recordingOverrides());
        options.add("-XX:AOTCacheOutput=" + cacheFile());
        options.add(hasPlatform(extractedJar) ? "-D" + PLATFORM_EXIT + "=true" : "-Dspring.context.exit=onRefresh");
        return options;
    }

    private static boolean hasPlatform(Path extractedJar) {
        Path lib = extractedJar.resolveSibling("lib");
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.map(jar -> jar.getFileName().toString())
                    .anyMatch(name -> name.startsWith("platform-") && name.endsWith(".jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + lib, e);
        }
    }

    /** Called after a training run that ended well: true (and the cache is current) when it wrote the cache. */
    public boolean recorded(Path jar) {
        if (!Files.isRegularFile(cacheFile())) {
            return false;
        }
        writeStamp("cache.stamp", cacheStamp(jar));
        writeStamp(TRAINED_FILE, START_UP);
        return true;
    }

    /**
     * Options of a start that records the cache from whatever the service then does: JDK 25 writes it when the JVM
     * exits (SIGTERM included), into a file of its own until {@link #adoptRecording} takes it.
     */
    public List<String> workloadRecordingOptions() {
        List<String> options = new ArrayList<>(recordingOverrides());
        options.add("-XX:AOTCacheOutput=" + recordingFile());
        return options;
    }

    /**
     * Options a recording JVM adds after the services' own. At exit it starts a JVM with the same options to assemble
     * the cache in a buffer the size of the class space, which the services' {@code -XX:MaxMetaspaceSize=160m} caps at
     * 128 MB (80 % of it): the classes a service loads under load overflow that ("Unable to allocate from 'ro'
     * region", 6 of 7 services). {@code JDK_AOT_VM_OPTIONS} cannot lift it (the child parses it before the command
     * line). The cache is used with the services' own options: its classes are mapped apart from the metaspace.
     */
    public static List<String> recordingOverrides() {
        return List.of("-XX:MaxMetaspaceSize=512m");
    }

    /**
     * After a workload recording stopped: the cache it wrote replaces the one in use and is current (true); without
     * one (the JVM killed before it wrote it, or the assembly failed: the JDK then writes no file) nothing changes.
     */
    public boolean adoptRecording(Path jar) {
        if (!Files.isRegularFile(recordingFile())) {
            return false;
        }
        try {
            Files.move(recordingFile(), cacheFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + recordingFile() + " to " + cacheFile(), e);
        }
        writeStamp("cache.stamp", cacheStamp(jar));
        writeStamp(TRAINED_FILE, WORKLOAD);
        return true;
    }

    /** Whether the current cache was recorded under a workload ({@link #adoptRecording}) rather than by a start-up run. */
    public boolean workloadTrained(Path jar) {
        return isCurrent(jar) && WORKLOAD.equals(readStamp(TRAINED_FILE));
    }

    /** Options of a normal start with the cache. */
    public List<String> usingOptions() {
        return List.of("-XX:AOTCache=" + cacheFile());
    }

    Path cacheFile() {
        return folder.resolve("app.aot");
    }

    Path recordingFile() {
        return folder.resolve("app.aot.recording");
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
