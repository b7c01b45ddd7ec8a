package com.sellavie.platform.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.SpringProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

class BuildTimePropertiesTest {

    @TempDir
    Path jar;

    @AfterEach
    void reflectionMode() {
        SpringProperties.setProperty("spring.aot.enabled", null);
    }

    @Test
    void theBuildsConditionInputsAreWrittenIntoTheJar() throws IOException {
        MockEnvironment build = new MockEnvironment()
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://localhost:8081/jwks")
                .withProperty("sellavie.relay.enabled", "false");

        Properties recorded = record(build);

        assertThat(recorded).containsEntry("sellavie.relay.enabled", "false")
                .containsEntry("sellavie.ingest.route-cache.enabled", "true")
                .containsEntry("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "set")
                .containsEntry("spring.mail.host", "unset")
                .doesNotContainKey("spring.profiles.active");
    }

    @Test
    void sameConditionsDifferentValuesPass() {
        Properties built = BuildTimeProperties.outcomes(new MockEnvironment()
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://localhost:8081/jwks"));
        // Another identity URL, a flag spelled out with its default: the same beans.
        MockEnvironment runtime = new MockEnvironment()
                .withProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://identity:8081/jwks")
                .withProperty("sellavie.relay.enabled", "TRUE");

        assertThat(BuildTimeProperties.firstDifference(built, runtime)).isNull();
    }

    @Test
    void aFlagSwitchedAtRunTimeIsNamedWithBothValues() {
        Properties built = BuildTimeProperties.outcomes(new MockEnvironment());
        MockEnvironment runtime = new MockEnvironment().withProperty("sellavie.ingest.route-cache.enabled", "false");

        assertThat(BuildTimeProperties.firstDifference(built, runtime)).isEqualTo("sellavie.ingest.route-cache.enabled"
                + " is 'false' here but was 'true' when this jar was built with Spring AOT, which fixed the beans it"
                + " decides");
    }

    @Test
    void aProfileOnlyTheRunTimeHasIsADifference() {
        Properties built = BuildTimeProperties.outcomes(new MockEnvironment());

        assertThat(BuildTimeProperties.firstDifference(built,
                new MockEnvironment().withProperty("spring.profiles.active", "dev")))
                .startsWith("spring.profiles.active is 'dev' here but was unset");
    }

    @Test
    void inAotModeADifferentConditionStopsTheStart() throws IOException {
        SpringProperties.setProperty("spring.aot.enabled", "true");
        MockEnvironment runtime = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com");

        assertThatIllegalStateException()
                .isThrownBy(() -> check(runtime, record(new MockEnvironment())))
                .withMessageStartingWith("spring.mail.host is 'set' here but was 'unset'")
                .withMessageContaining("-Dspring.aot.enabled=false");
    }

    @Test
    void inAotModeTheBuildsOwnConditionsStart() throws IOException {
        SpringProperties.setProperty("spring.aot.enabled", "true");
        MockEnvironment runtime = new MockEnvironment().withProperty("spring.flyway.enabled", "true");

        assertThatNoException().isThrownBy(() -> check(runtime, record(new MockEnvironment())));
    }

    @Test
    void reflectionBasedStartsAreNotChecked() throws IOException {
        MockEnvironment runtime = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com");
        Properties built = record(new MockEnvironment());

        assertThatNoException().isThrownBy(() -> check(runtime, built));
    }

    /** What {@link BuildTimePropertiesRecorder} writes for a build with {@code environment}. */
    private static Properties record(MockEnvironment environment) throws IOException {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.registerSingleton("environment", environment);
        InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
        DefaultGenerationContext context = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get(BuildTimePropertiesTest.class)), files);
        new BuildTimePropertiesRecorder().processAheadOfTime(beanFactory).applyTo(context, null);
        context.writeGeneratedContent();
        Properties recorded = new Properties();
        recorded.load(new ByteArrayInputStream(files.getGeneratedFileContent(Kind.RESOURCE, BuildTimeProperties.RESOURCE)
                .getBytes(StandardCharsets.ISO_8859_1)));
        return recorded;
    }

    /** The check as a service starts from a jar whose recorded conditions are {@code built}. */
    private void check(MockEnvironment runtime, Properties built) throws IOException {
        Path resource = jar.resolve(BuildTimeProperties.RESOURCE);
        Files.createDirectories(resource.getParent());
        try (OutputStream out = Files.newOutputStream(resource)) {
            built.store(out, null);
        }
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            SpringApplication application = new SpringApplication();
            application.setResourceLoader(new DefaultResourceLoader(classes));
            new BuildTimePropertiesCheck().postProcessEnvironment(runtime, application);
        }
    }
}
