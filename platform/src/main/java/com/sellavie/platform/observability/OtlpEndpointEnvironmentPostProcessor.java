package com.sellavie.platform.observability;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns OpenTelemetry's standard variables into Boot's OTLP span exporter setting, so operators configure
 * tracing the way every OTel SDK is configured: {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (the full URL)
 * or {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the collector's base URL, {@code /v1/traces} appended, as the
 * spec says for OTLP/HTTP). Neither set: no property, so Boot creates no exporter and nothing is sent
 * (spans are still made for the trace ids in logs and the traceparent on events). An explicit
 * {@value #ENDPOINT_PROPERTY} wins: this source has the lowest precedence.
 */
public class OtlpEndpointEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String ENDPOINT_PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String SOURCE_NAME = "sellavie-otlp-endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = tracesEndpoint(environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
                environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (endpoint != null && !environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME,
                    Map.of(ENDPOINT_PROPERTY, endpoint)));
        }
    }

    /** The OTLP/HTTP traces URL, or null when tracing export is not asked for. */
    static String tracesEndpoint(String tracesEndpoint, String baseEndpoint) {
        if (tracesEndpoint != null && !tracesEndpoint.isBlank()) {
            return tracesEndpoint.strip();
        }
        if (baseEndpoint == null || baseEndpoint.isBlank()) {
            return null;
        }
        String base = baseEndpoint.strip();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
