package com.sellavie.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@value #RESOURCE} as the lowest-precedence configuration (just above the application's
 * programmatic default properties): a service's {@code application.yml}, its profiles, environment
 * variables and test properties all override it.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "sellavie-platform-defaults.yml";
    static final String SOURCE_NAME = "sellavie-platform-defaults";
    private static final String DEFAULT_PROPERTIES = "defaultProperties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(SOURCE_NAME)) {
            return;
        }
        for (PropertySource<?> source : load()) {
            if (sources.contains(DEFAULT_PROPERTIES)) {
                sources.addBefore(DEFAULT_PROPERTIES, source);
            } else {
                sources.addLast(source);
            }
        }
    }

    /** After config data, which appends application.yml and friends: defaults must come after them. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    private static List<PropertySource<?>> load() {
        try {
            return new YamlPropertySourceLoader().load(SOURCE_NAME, new ClassPathResource(RESOURCE,
                    PlatformDefaultsEnvironmentPostProcessor.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
