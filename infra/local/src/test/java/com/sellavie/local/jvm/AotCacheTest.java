package com.sellavie.local.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx160m");

    @TempDir
    Path dir;

    private final List<Path> extracted = new ArrayList<>();

    /** Stands in for {@code java -Djarmode=tools extract}: the application jar and a library. */
    private final AotCache.Extractor extractor = (jar, destination) -> {
        extracted.add(jar);
        try {
            Files.createDirectories(destination.resolve("lib"));
            Files.copy(jar, destination.resolve(jar.getFileName()));
            Files.writeString(destination.resolve("lib/library.jar"), "library");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    @Test
    void extractsTheJarOnceAndRunsFromTheExtractedCopy() throws IOException {
        Path jar = jar("one");
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);

        Path first = cache.extractedJar(jar, extractor);
        Path second = cache.extractedJar(jar, extractor);

        assertThat(first).isEqualTo(second).isEqualTo(dir.resolve("jvm/conversation-service/app/service.jar"));
        assertThat(extracted).hasSize(1);
    }

    @Test
    void aRebuiltJarIsExtractedAgainAndItsOldCacheIsNoLongerUsed() throws IOException {
        Path jar = jar("one");
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);
        cache.extractedJar(jar, extractor);
        recordCache(cache, jar);

        rebuild(jar, "two, a little longer");
        Path again = cache.extractedJar(jar, extractor);

        assertThat(extracted).hasSize(2);
        assertThat(Files.readString(again)).isEqualTo("two, a little longer");
        assertThat(cache.isCurrent(jar)).isFalse();
        assertThat(cache.cacheFile()).doesNotExist();
    }

    @Test
    void aRecordedCacheIsUsedUntilTheJarChanges() throws IOException {
        Path jar = jar("one");
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);
        cache.extractedJar(jar, extractor);
        assertThat(cache.isCurrent(jar)).isFalse();

        recordCache(cache, jar);
        assertThat(cache.isCurrent(jar)).isTrue();
        assertThat(cache.usingOptions()).containsExactly("-XX:AOTCache=" + cache.cacheFile());

        rebuild(jar, "two");
        assertThat(cache.isCurrent(jar)).isFalse();
    }

    @Test
    void aCacheRecordedWithAnotherJdkOrOtherOptionsIsStale() throws IOException {
        Path jar = jar("one");
        AotCache recordedWith = cache("25.0.3+9-LTS", OPTIONS);
        recordedWith.extractedJar(jar, extractor);
        recordCache(recordedWith, jar);

        assertThat(cache("25.0.4+7-LTS", OPTIONS).isCurrent(jar)).as("another JDK build").isFalse();
        assertThat(cache("25.0.3+9-LTS", List.of("-XX:+UseG1GC", "-Xmx160m")).isCurrent(jar)).as("another GC").isFalse();
        assertThat(cache("25.0.3+9-LTS", OPTIONS).isCurrent(jar)).isTrue();
    }

    @Test
    void aTrainingRunThatWroteNoCacheLeavesTheServiceUncached() throws IOException {
        Path jar = jar("one");
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);
        cache.extractedJar(jar, extractor);

        assertThat(cache.recorded(jar)).isFalse();
        assertThat(cache.isCurrent(jar)).isFalse();
    }

    @Test
    void theTrainingRunRefreshesTheContextThenExitsWritingTheCache() {
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);

        assertThat(cache.recordingOptions()).containsExactly("-XX:AOTCacheOutput=" + cache.cacheFile(),
                "-Dspring.context.exit=onRefresh");
    }

    private AotCache cache(String runtime, List<String> options) {
        return new AotCache(dir.resolve("jvm/conversation-service"), runtime, options);
    }

    /** What the JVM does at the end of a training run: writes the cache file. */
    private static void recordCache(AotCache cache, Path jar) throws IOException {
        Files.writeString(cache.cacheFile(), "cache");
        assertThat(cache.recorded(jar)).isTrue();
    }

    private Path jar(String content) throws IOException {
        Path jar = dir.resolve("target/service.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, content);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        return jar;
    }

    private static void rebuild(Path jar, String content) throws IOException {
        Files.writeString(jar, content);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_060_000L));
    }
}
