package com.sellavie.local.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/local/aot-cache.sh, which gives the launcher its AOT cache: a run without one records it when it is stopped
 * (SIGTERM to the script, as Ctrl-C or infra/jvm/startup.sh), the next run with the same key maps it, another key
 * records again. A program standing in for the launcher runs until stopped, as {@code ./sellavie up} does.
 */
class LauncherAotCacheScriptTest {

    private static final Path SCRIPT = Path.of("aot-cache.sh").toAbsolutePath();

    @TempDir
    Path dir;

    private Path jar;
    private Path folder;

    @BeforeEach
    void programJar() throws IOException {
        jar = dir.resolve("until-stopped.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, UntilStopped.class.getName());
        String entry = UntilStopped.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream bytes = UntilStopped.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        folder = dir.resolve("jvm/launcher");
    }

    @Test
    void theFirstRunRecordsWhenStoppedTheNextMapsItAndAnotherKeyRecordsAgain() throws Exception {
        Run first = runUntilStopped("key one", Map.of());
        assertThat(first.marker()).as("its shutdown hooks ran").isEqualTo("started stopped");
        assertThat(first.exitCode()).as("java's own: SIGTERM").isEqualTo(143);
        assertThat(folder.resolve("app.aot")).isNotEmptyFile();
        assertThat(folder.resolve("app.aot.recording")).doesNotExist();
        assertThat(Files.readString(folder.resolve("cache.key"))).isEqualTo("key one");
        assertThat(first.output()).doesNotContain("Opened AOT cache");

        Run second = runUntilStopped("key one", Map.of("JDK_JAVA_OPTIONS", "-Xlog:aot=info"));
        assertThat(second.output()).contains("Opened AOT cache " + folder.resolve("app.aot"));
        assertThat(second.marker()).isEqualTo("started stopped");

        long recorded = Files.getLastModifiedTime(folder.resolve("app.aot")).toMillis();
        Run other = runUntilStopped("key two", Map.of());
        assertThat(other.output()).doesNotContain("Opened AOT cache");
        assertThat(Files.readString(folder.resolve("cache.key"))).isEqualTo("key two");
        assertThat(Files.getLastModifiedTime(folder.resolve("app.aot")).toMillis()).isGreaterThanOrEqualTo(recorded);
    }

    @Test
    void recordModeRecordsAgainOverACurrentCache() throws Exception {
        runUntilStopped("key one", Map.of());

        Run recording = runUntilStopped("key one", Map.of("SELLAVIE_AOT_CACHE", "record",
                "JDK_JAVA_OPTIONS", "-Xlog:aot=info"));

        assertThat(recording.output()).doesNotContain("Opened AOT cache");
        assertThat(recording.output()).contains("AOTCache creation is complete");
        assertThat(folder.resolve("app.aot")).isNotEmptyFile();
    }

    private record Run(int exitCode, String marker, String output) {
    }

    /** Runs the script's function on the program, waits until it started, sends the script SIGTERM, waits for it. */
    private Run runUntilStopped(String key, Map<String, String> environment) throws Exception {
        Path marker = dir.resolve("marker");
        Files.deleteIfExists(marker);
        Path output = Files.createTempFile(dir, "output", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "source \"$0\"; sellavie_java_cached \"$1\" \"$2\" -XX:+UseSerialGC -jar \"$3\" \"$4\"",
                SCRIPT.toString(), folder.toString(), key, jar.toString(), marker.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("SELLAVIE_AOT_CACHE");
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + System.getenv("PATH"));
        builder.environment().putAll(environment);
        Process script = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(marker) && Files.readString(marker).startsWith("started"))) {
            assertThat(script.isAlive()).as(Files.readString(output)).isTrue();
            assertThat(System.nanoTime()).as("started within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        script.destroy();
        assertThat(script.waitFor(120, TimeUnit.SECONDS)).as("stopped within 2 min").isTrue();
        assertThat(script.descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
        return new Run(script.exitValue(), Files.readString(marker), Files.readString(output));
    }
}
