package com.sellavie.platform.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * In AOT mode ({@code -Dspring.aot.enabled=true}), refuses to start a service whose configuration would decide one
 * of {@link BuildTimeProperties}' conditions otherwise than the build did: it would run the build's beans, not the
 * ones asked for. The message names the property and both values; the service then starts reflection-based with
 * {@code -Dspring.aot.enabled=false} (or is rebuilt). Runs last, after every other source is in.
 */
public class BuildTimePropertiesCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts()) {
            return;
        }
        ClassPathResource resource = new ClassPathResource(BuildTimeProperties.RESOURCE, application.getClassLoader());
        if (!resource.exists()) {
            return; // processed before the platform recorded its conditions
        }
        String difference = BuildTimeProperties.firstDifference(load(resource), environment);
        if (difference != null) {
            throw new IllegalStateException(difference + ". Start it with -Dspring.aot.enabled=false (JAVA_OPTS, or"
                    + " SELLAVIE_SPRING_AOT=off for ./sellavie up), or build it with that setting.");
        }
    }

    private static Properties load(ClassPathResource resource) {
        Properties built = new Properties();
        try (InputStream in = resource.getInputStream()) {
            built.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BuildTimeProperties.RESOURCE, e);
        }
        return built;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
