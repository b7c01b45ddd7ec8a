package com.sellavie.local.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The AOT cache of one of the stack's infrastructure JVMs (the Kafka broker, the schema registry), kept in the data
 * folder's {@code jvm/<name>/}. Their jars change only with a new version, so there is no training run: the first
 * start without a current cache records one from whatever the JVM does until it stops (JDK 25 writes it at exit,
 * SIGTERM included), and later starts use it. The cache fits one class path, JDK and set of options: a change in any
 * of them records it again.
 */
public final class RecordedAotCache {

    private final Path folder;
    private final String key;
    private final boolean wanted;
    private final boolean record;

    /**
     * @param folder this JVM's folder ({@code .sellavie/jvm/kafka})
     * @param classPath the files of the JVM's class path: each one's path, size and modification time is part of the
     *     key, as the JVM checks the same when it maps the cache (and runs without it, with a warning, if one differs)
     * @param options the JVM's options, also part of the key with the JDK's build
     * @param wanted false when the stack runs without AOT caches ({@code SELLAVIE_AOT_CACHE=off})
     * @param record true to record a new cache even when one is current, replacing it once written
     *     ({@code SELLAVIE_AOT_CACHE=record})
     */
    public RecordedAotCache(Path folder, List<Path> classPath, List<String> options, boolean wanted, boolean record) {
        this.folder = folder;
        this.key = classPath.stream().map(RecordedAotCache::fileKey).collect(Collectors.joining("\n"))
                + "\nruntime=" + Runtime.version() + "\noptions=" + String.join(" ", options);
        // -XX:AOTCacheOutput is JDK 25's; an older JVM would refuse to start with it.
        this.wanted = wanted && Runtime.version().feature() >= 25;
        this.record = record;
    }

    private static String fileKey(Path file) {
        try {
            return file.toAbsolutePath() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file.toAbsolutePath() + " missing";
        }
    }

    /** Whether this start records the cache (none is current) rather than using it. */
    public boolean recording() {
        return wanted && (record || !isCurrent());
    }

    /** The options this start adds: use the current cache, or record one when the JVM exits, or nothing when off. */
    public List<String> startOptions() {
        if (!wanted) {
            return List.of();
        }
        if (!recording()) {
            return List.of("-XX:AOTCache=" + cacheFile());
        }
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(recordingFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + folder + " for an AOT cache", e);
        }
        return List.of("-XX:AOTCacheOutput=" + recordingFile());
    }

    /**
     * After the JVM stopped: the cache a recording start wrote becomes current (true). Nothing changes when it wrote
     * none (killed before it could, or the assembly failed; its log says why): a previous cache stays, and without one
     * the next start records again.
     */
    public boolean adoptRecording() {
        if (!Files.isRegularFile(recordingFile())) {
            return false;
        }
        try {
            Files.createDirectories(folder);
            Files.move(recordingFile(), cacheFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(keyFile(), key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot adopt the AOT cache recorded in " + recordingFile(), e);
        }
        return true;
    }

    boolean isCurrent() {
        try {
            return Files.isRegularFile(cacheFile()) && Files.isRegularFile(keyFile())
                    && Files.readString(keyFile()).equals(key);
        } catch (IOException e) {
            return false;
        }
    }

    Path cacheFile() {
        return folder.resolve("app.aot");
    }

    Path recordingFile() {
        return folder.resolve("app.aot.recording");
    }

    private Path keyFile() {
        return folder.resolve("cache.key");
    }
}
