package com.sellavie.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.TraceContext;
import org.junit.jupiter.api.Test;

class TraceparentSourceTest {

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
