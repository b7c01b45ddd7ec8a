package com.sellavie.local.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedAotCacheTest {

    private static final List<String> OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void classPath() throws IOException {
        jar = Files.writeString(dir.resolve("kafka.jar"), "broker classes");
    }

    @Test
    void theFirstStartRecordsAndLaterStartsUseWhatItWroteWhenItStopped() throws IOException {
        RecordedAotCache first = cache(true, false);
        assertThat(first.recording()).isTrue();
        assertThat(first.startOptions()).containsExactly("-XX:AOTCacheOutput=" + first.recordingFile());

        // What the JVM writes when it exits
        Files.writeString(first.recordingFile(), "recorded");
        assertThat(first.adoptRecording()).isTrue();

        RecordedAotCache next = cache(true, false);
        assertThat(next.recording()).isFalse();
        assertThat(next.startOptions()).containsExactly("-XX:AOTCache=" + next.cacheFile());
        assertThat(Files.readString(next.cacheFile())).isEqualTo("recorded");
        assertThat(next.recordingFile()).doesNotExist();
    }

    @Test
    void aStartKilledBeforeItWroteTheCacheLeavesTheNextStartRecordingAgain() throws IOException {
        RecordedAotCache first = cache(true, false);
        first.startOptions();

        assertThat(first.adoptRecording()).isFalse();
        assertThat(cache(true, false).recording()).isTrue();
    }

    @Test
    void aChangedJarAnotherJdkOrOtherOptionsRecordAgain() throws IOException {
        record(cache(true, false));
        assertThat(cache(true, false).recording()).isFalse();

        assertThat(new RecordedAotCache(dir.resolve("jvm/kafka"), List.of(jar), List.of("-Xmx1g", "-XX:+UseSerialGC"),
                true, false).recording()).as("other options").isTrue();

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        assertThat(cache(true, false).recording()).as("the jar touched, as the JVM would see it").isTrue();

        // The JDK's build is in the key too (Runtime.version()): an upgrade reads back a key that differs.
        Path key = dir.resolve("jvm/kafka/cache.key");
        assertThat(Files.readString(key)).contains("runtime=" + Runtime.version());
    }

    @Test
    void recordModeRecordsOverACurrentCacheAndKeepsItIfNothingIsWritten() throws IOException {
        record(cache(true, false));

        RecordedAotCache recordMode = cache(true, true);
        assertThat(recordMode.recording()).isTrue();
        assertThat(recordMode.startOptions()).containsExactly("-XX:AOTCacheOutput=" + recordMode.recordingFile());
        assertThat(recordMode.adoptRecording()).isFalse();

        assertThat(cache(true, false).startOptions()).as("the previous cache, still current")
                .containsExactly("-XX:AOTCache=" + recordMode.cacheFile());
    }

    @Test
    void offMeansNoOptionsAndNoRecording() throws IOException {
        record(cache(true, false));

        RecordedAotCache off = cache(false, false);
        assertThat(off.recording()).isFalse();
        assertThat(off.startOptions()).isEmpty();
    }

    private RecordedAotCache cache(boolean wanted, boolean record) {
        return new RecordedAotCache(dir.resolve("jvm/kafka"), List.of(jar), OPTIONS, wanted, record);
    }

    private static void record(RecordedAotCache cache) throws IOException {
        cache.startOptions();
        Files.writeString(cache.recordingFile(), "recorded");
        assertThat(cache.adoptRecording()).isTrue();
    }
}
