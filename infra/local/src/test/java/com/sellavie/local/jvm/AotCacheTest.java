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
    void aPlatformServicesTrainingRunEndsWhenItsOwnContextIsRefreshed() throws IOException {
        Path jar = jar("one");
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);
        Path extractedJar = cache.extractedJar(jar, extractor);
        Files.writeString(extractedJar.resolveSibling("lib").resolve("platform-0.1.0-SNAPSHOT.jar"), "platform");

        // -XX:MaxMetaspaceSize=160m would cap the class space, and with it the cache's assembly buffer, at 128 MB.
        // Not spring.context.exit: it would halt at the first OpenFeign client's child context.
        assertThat(cache.recordingOptions(extractedJar)).containsExactly("-XX:MaxMetaspaceSize=512m",
                "-XX:AOTCacheOutput=" + cache.cacheFile(), "-Dsellavie.aot.exit-on-refresh=true");
    }

    @Test
    void aServiceWithoutThePlatformEndsItsTrainingRunAtSpringsRefresh() throws IOException {
        Path jar = jar("one");
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);
        Path extractedJar = cache.extractedJar(jar, extractor);

        assertThat(cache.recordingOptions(extractedJar)).containsExactly("-XX:MaxMetaspaceSize=512m",
                "-XX:AOTCacheOutput=" + cache.cacheFile(), "-Dspring.context.exit=onRefresh");
    }

    @Test
    void aWorkloadRecordingReplacesTheStartUpCacheWhenTheServiceStopped() throws IOException {
        Path jar = jar("one");
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);
        cache.extractedJar(jar, extractor);
        recordCache(cache, jar);
        assertThat(cache.workloadTrained(jar)).isFalse();

        // What the JVM started with the recording options writes when it exits
        assertThat(cache.workloadRecordingOptions()).containsExactly("-XX:MaxMetaspaceSize=512m",
                "-XX:AOTCacheOutput=" + cache.recordingFile());
        Files.writeString(cache.recordingFile(), "recorded under load");

        assertThat(cache.adoptRecording(jar)).isTrue();
        assertThat(cache.isCurrent(jar)).isTrue();
        assertThat(cache.workloadTrained(jar)).isTrue();
        assertThat(Files.readString(cache.cacheFile())).isEqualTo("recorded under load");
        assertThat(cache.recordingFile()).doesNotExist();
        assertThat(cache.usingOptions()).containsExactly("-XX:AOTCache=" + cache.cacheFile());
    }

    @Test
    void aRecordingThatWroteNothingKeepsThePreviousCache() throws IOException {
        Path jar = jar("one");
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);
        cache.extractedJar(jar, extractor);
        recordCache(cache, jar);

        assertThat(cache.adoptRecording(jar)).isFalse();
        assertThat(cache.isCurrent(jar)).isTrue();
        assertThat(Files.readString(cache.cacheFile())).isEqualTo("cache");
        assertThat(cache.workloadTrained(jar)).isFalse();
    }

    @Test
    void aRebuiltJarDropsTheWorkloadCacheAndAnUnadoptedRecording() throws IOException {
        Path jar = jar("one");
        AotCache cache = cache("25.0.3+9-LTS", OPTIONS);
        cache.extractedJar(jar, extractor);
        Files.writeString(cache.recordingFile(), "recorded under load");
        cache.adoptRecording(jar);
        Files.writeString(cache.recordingFile(), "a recording of the old jar, never adopted");

        rebuild(jar, "two, a little longer");
        cache.extractedJar(jar, extractor);

        assertThat(cache.isCurrent(jar)).isFalse();
        assertThat(cache.workloadTrained(jar)).isFalse();
        assertThat(cache.recordingFile()).doesNotExist();
        recordCache(cache, jar);
        assertThat(cache.workloadTrained(jar)).as("a start-up cache of the new jar").isFalse();
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
