package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.local.jvm.ServiceJvmDefinition;
import com.sellavie.local.jvm.SpringAot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service whose jar was built with Spring AOT starts in AOT mode, unless SELLAVIE_SPRING_AOT=off. */
class ServiceJvmSpringAotTest {

    private static final String IDENTITY_INITIALIZER =
            "BOOT-INF/classes/com/sellavie/identity/IdentityServiceApplication__ApplicationContextInitializer.class";
    private static final ServiceJvmDefinition PRODUCTION = new ServiceJvmDefinition(List.of("-Xmx160m"), Map.of());

    @TempDir
    Path repository;

    @Test
    void aServiceBuiltWithSpringAotStartsInAotMode() throws IOException {
        jar("identity-service", IDENTITY_INITIALIZER);
        jar("gateway", "BOOT-INF/classes/com/sellavie/gateway/GatewayApplication.class");

        ServiceJvm jvm = jvm(true);

        assertThat(jvm.command(SellavieService.IDENTITY)).contains("-Xmx160m", SpringAot.ENABLED);
        assertThat(jvm.command(SellavieService.GATEWAY)).contains("-Xmx160m").doesNotContain(SpringAot.ENABLED);
    }

    @Test
    void switchedOffEveryServiceStartsReflectionBased() throws IOException {
        jar("identity-service", IDENTITY_INITIALIZER);

        assertThat(jvm(false).command(SellavieService.IDENTITY)).doesNotContain(SpringAot.ENABLED);
    }

    @Test
    void sellavieSpringAotIsOnOrOff() {
        assertThat(SpringAot.wanted(null)).isTrue();
        assertThat(SpringAot.wanted("ON")).isTrue();
        assertThat(SpringAot.wanted("off")).isFalse();
        assertThatThrownBy(() -> SpringAot.wanted("no")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SELLAVIE_SPRING_AOT must be on or off");
    }

    private ServiceJvm jvm(boolean springAot) {
        Installation installation = new Installation(repository, repository.resolve("infra/local/target"));
        return new ServiceJvm(installation, PRODUCTION, repository.resolve(".sellavie/jvm"),
                repository.resolve(".sellavie/logs"), ServiceJvm.CacheMode.OFF, springAot);
    }

    private void jar(String module, String entry) throws IOException {
        Path jar = repository.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            zip.closeEntry();
        }
    }
}
