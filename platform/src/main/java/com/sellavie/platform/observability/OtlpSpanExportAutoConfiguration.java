package com.sellavie.platform.observability;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.Transport;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The OTLP/HTTP span exporter, chosen when the service starts rather than by a bean condition. Boot's own
 * ({@link OtlpTracingAutoConfiguration}, excluded in {@code sellavie-platform-defaults.yml}) exists only when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set, a condition Spring AOT decides at build
 * time, when no endpoint is set: a service built with AOT would then never export. Here the bean always
 * exists and sends nowhere until an endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@link OtlpEndpointEnvironmentPostProcessor}). Same settings as Boot's: endpoint, timeouts, compression,
 * headers, {@code management.tracing.export[.otlp].enabled}.
 */
@AutoConfiguration(before = OtlpTracingAutoConfiguration.class)
@ConditionalOnClass({OtlpHttpSpanExporter.class, OtlpTracingProperties.class})
@EnableConfigurationProperties(OtlpTracingProperties.class)
public class OtlpSpanExportAutoConfiguration {

    @Bean
    SpanExporter sellavieOtlpSpanExporter(OtlpTracingProperties properties, Environment environment,
            ObjectProvider<MeterProvider> meterProvider,
            ObjectProvider<OtlpHttpSpanExporterBuilderCustomizer> customizers) {
        String endpoint = properties.getEndpoint();
        if (endpoint == null || endpoint.isBlank() || !exportEnabled(environment)) {
            // Spans are still made (trace ids in logs, traceparent on events); none leaves the service.
            return SpanExporter.composite();
        }
        if (properties.getTransport() != Transport.HTTP) {
            throw new IllegalStateException("management.opentelemetry.tracing.export.otlp.transport must be http:"
                    + " the services export spans over OTLP/HTTP only");
        }
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint)
                .setTimeout(properties.getTimeout())
                .setConnectTimeout(properties.getConnectTimeout())
                .setCompression(properties.getCompression().name().toLowerCase(Locale.ROOT));
        properties.getHeaders().forEach(builder::addHeader);
        meterProvider.ifAvailable(builder::setMeterProvider);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Boot's switches: {@code management.tracing.export.otlp.enabled}, else {@code management.tracing.export.enabled}. */
    static boolean exportEnabled(Environment environment) {
        Boolean otlp = environment.getProperty("management.tracing.export.otlp.enabled", Boolean.class);
        if (otlp != null) {
            return otlp;
        }
        return environment.getProperty("management.tracing.export.enabled", Boolean.class, true);
    }
}
