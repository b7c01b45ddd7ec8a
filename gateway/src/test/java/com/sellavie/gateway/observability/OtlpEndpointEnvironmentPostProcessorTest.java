package com.sellavie.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class OtlpEndpointEnvironmentPostProcessorTest {

    private static final String ENDPOINT = OtlpEndpointEnvironmentPostProcessor.ENDPOINT_PROPERTY;

    @Test
    void theCollectorsBaseUrlGetsTheTracesPath() {
        StandardEnvironment environment = environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"));

        assertThat(environment.getProperty(ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
    }

    @Test
    void aTracesEndpointIsTakenAsIs() {
        StandardEnvironment environment = environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://traces.example.com/otlp/spans"));

        assertThat(environment.getProperty(ENDPOINT)).isEqualTo("https://traces.example.com/otlp/spans");
    }

    @Test
    void noEndpointMeansNoExporterSetting() {
        StandardEnvironment environment = environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "));

        assertThat(environment.containsProperty(ENDPOINT)).isFalse();
    }

    @Test
    void anExplicitSettingWins() {
        StandardEnvironment environment = environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
                ENDPOINT, "http://elsewhere:4318/v1/traces"));

        assertThat(environment.getProperty(ENDPOINT)).isEqualTo("http://elsewhere:4318/v1/traces");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", variables));
        new OtlpEndpointEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
