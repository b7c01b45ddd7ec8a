package com.sellavie.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The exporter is decided when the service starts: the same bean definition (what Spring AOT generates) sends
 * nowhere without an endpoint and to the collector with one. End to end, over a real receiver:
 * {@link TracingAcrossKafkaIntegrationTest}.
 */
class OtlpSpanExportAutoConfigurationTest {

    private static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OtlpSpanExportAutoConfiguration.class));

    @Test
    void withoutAnEndpointNothingIsSent() {
        contexts.run(context -> assertThat(context.getBean(SpanExporter.class))
                .isNotInstanceOf(OtlpHttpSpanExporter.class)
                .hasToString(SpanExporter.composite().toString()));
    }

    @Test
    void anEndpointSetWhenTheServiceStartsExportsThere() {
        contexts.withPropertyValues(ENDPOINT + "=http://collector:4318/v1/traces",
                        "management.opentelemetry.tracing.export.otlp.headers.authorization=Bearer t")
                .run(context -> assertThat(context.getBean(SpanExporter.class))
                        .isInstanceOf(OtlpHttpSpanExporter.class)
                        .asString().contains("endpoint=http://collector:4318/v1/traces"));
    }

    @Test
    void exportSwitchedOffSendsNothingEvenWithAnEndpoint() {
        contexts.withPropertyValues(ENDPOINT + "=http://collector:4318/v1/traces",
                        "management.tracing.export.otlp.enabled=false")
                .run(context -> assertThat(context.getBean(SpanExporter.class))
                        .isNotInstanceOf(OtlpHttpSpanExporter.class));
    }

    @Test
    void grpcIsRefusedWithAClearMessage() {
        contexts.withPropertyValues(ENDPOINT + "=http://collector:4317",
                        "management.opentelemetry.tracing.export.otlp.transport=grpc")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("transport must be http"));
    }
}
