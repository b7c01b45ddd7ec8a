package com.sellavie.local.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one definition of the services' JVM settings, and the image and k8s config that must agree with it. */
class ServiceJvmDefinitionTest {

    /** Surefire runs in infra/local. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();

    @Test
    void productionSettingsRunC2WithABoundedFootprint() {
        ServiceJvmDefinition definition = ServiceJvmDefinition.of(REPOSITORY);

        assertThat(definition.options()).noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"))
                .contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=com.sellavie")
                .anyMatch(o -> o.startsWith("-Xmx")).anyMatch(o -> o.startsWith("-XX:MaxMetaspaceSize="))
                .anyMatch(o -> o.startsWith("-XX:MetaspaceSize=")).anyMatch(o -> o.startsWith("-Xss"))
                // A capped code cache made C2's warm-up trigger a full collection every ~10 MB of new code.
                .noneMatch(o -> o.startsWith("-XX:ReservedCodeCacheSize="));
        assertThat(definition.environment()).containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @Test
    void commentsAndBlankLinesAreNoOptions() {
        assertThat(ServiceJvmDefinition.options(List.of("# heap", "", "-Xmx160m   # why", "  -Xss512k -XX:+UseSerialGC")))
                .containsExactly("-Xmx160m", "-Xss512k", "-XX:+UseSerialGC");
        assertThat(ServiceJvmDefinition.environment(List.of("# arenas", "MALLOC_ARENA_MAX=2 # glibc", "")))
                .isEqualTo(Map.of("MALLOC_ARENA_MAX", "2"));
    }

    @Test
    void extraOptionsComeLastSoTheyWin() {
        ServiceJvmDefinition definition = new ServiceJvmDefinition(List.of("-Xmx160m"), Map.of());

        assertThat(definition.plus(" -XX:NativeMemoryTracking=summary  -Xmx256m").options())
                .containsExactly("-Xmx160m", "-XX:NativeMemoryTracking=summary", "-Xmx256m");
        assertThat(definition.plus(null)).isEqualTo(definition);
    }

    @Test
    void theServiceImageRunsWithTheDefinitionAndItsEnvironment() throws IOException {
        String dockerfile = Files.readString(REPOSITORY.resolve("infra/images/service/Dockerfile"));
        String buildImages = Files.readString(REPOSITORY.resolve("infra/images/build-images.sh"));

        assertThat(dockerfile).contains("COPY service.jvmopts /app/service.jvmopts")
                .contains("exec java @/app/service.jvmopts @/app/spring-aot.jvmopts $JAVA_OPTS")
                .doesNotContain("TieredStopAtLevel");
        ServiceJvmDefinition.of(REPOSITORY).environment()
                .forEach((name, value) -> assertThat(dockerfile).contains(name + "=" + value));
        assertThat(buildImages).contains("infra/jvm/service.jvmopts");
    }

    @Test
    void kubernetesAddsNothingThatUndoesTheDefinition() throws IOException {
        Path k8s = REPOSITORY.resolve("infra/k8s");
        String config = Files.readString(k8s.resolve("base/config.env"));

        ServiceJvmDefinition.of(REPOSITORY).environment()
                .forEach((name, value) -> assertThat(config).contains(name + "=" + value));
        try (var files = Files.walk(k8s.resolve("base")); var overlays = Files.walk(k8s.resolve("overlays"))) {
            for (Path file : java.util.stream.Stream.concat(files, overlays).filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("TieredStopAtLevel");
            }
        }
    }
}
