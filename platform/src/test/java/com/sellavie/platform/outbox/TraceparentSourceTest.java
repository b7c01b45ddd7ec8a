package com.sellavie.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class TraceparentSourceTest {

    @Test
    void theCurrentSpansTraceparentIsW3cAndThereIsNoneOutsideASpanOrWithoutATracer() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder().build()) {
            Tracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {
            });
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("tracer", tracer);
            TraceparentSource source = new TraceparentSource(beans.getBeanProvider(Tracer.class));

            Span span = tracer.nextSpan().name("write").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                assertThat(source.current()).isEqualTo(
                        "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01");
                assertThat(source.current()).isEqualTo(source.current());
            } finally {
                span.end();
            }
            assertThat(source.current()).isNull();
        }
        assertThat(new TraceparentSource(new StaticListableBeanFactory().getBeanProvider(Tracer.class)).current())
                .isNull();
    }

    @Test
    void formatsAW3cTraceparentWhateverTheConfiguredPropagation() {
        assertThat(TraceparentSource.format(context("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true)))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void padsSixtyFourBitTraceIdsAndMarksUnsampledTraces() {
        assertThat(TraceparentSource.format(context("a3ce929d0e0e4736", "f067aa0ba902b7", false)))
                .isEqualTo("00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    private static TraceContext context(String traceId, String spanId, Boolean sampled) {
        return new TraceContext() {
            @Override
            public String traceId() {
                return traceId;
            }

            @Override
            public String parentId() {
                return null;
            }

            @Override
            public String spanId() {
                return spanId;
            }

            @Override
            public Boolean sampled() {
                return sampled;
            }
        };
    }
}
