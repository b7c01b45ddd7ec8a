package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.systemtests.stack.MetaGraphApi.SendApiCall;
import com.sellavie.systemtests.stack.TraceCollector;
import com.sellavie.systemtests.stack.TraceCollector.CollectedSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trace of one DM as the services exported it (OTLP, to the stack's receiver): found from the
 * {@code traceparent} the Send API call carried, and walked from that client span up to its root.
 */
final class JourneyTrace {

    private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, CollectedSpan> spans;
    private final CollectedSpan sendApiCall;

    private JourneyTrace(List<CollectedSpan> spans, CollectedSpan sendApiCall) {
        this.spans = spans.stream().collect(Collectors.toMap(CollectedSpan::spanId, Function.identity(), (a, b) -> a));
        this.sendApiCall = sendApiCall;
    }

    /** Waits until the Send API call's span and every ancestor of it have been exported. */
    static JourneyTrace of(SendApiCall reply, TraceCollector traces) {
        assertThat(reply.traceparent()).as("the Send API call carries a W3C traceparent").isNotBlank();
        List<CollectedSpan> exported = await("the spans of trace " + reply.traceId() + " at the OTLP receiver")
                .atMost(EXPORT_TIMEOUT)
                .until(() -> traces.trace(reply.traceId()), spans -> new JourneyTrace(spans, null)
                        .completeChainFrom(reply.spanId()));
        CollectedSpan call = exported.stream().filter(s -> s.spanId().equals(reply.spanId())).findFirst().orElseThrow();
        return new JourneyTrace(exported, call);
    }

    /** The Send API client span, then its parent, and so on up to the trace's root. */
    List<CollectedSpan> ancestry() {
        List<CollectedSpan> chain = new ArrayList<>();
        for (CollectedSpan span = sendApiCall; span != null; span = parentOf(span).orElse(null)) {
            chain.add(span);
        }
        return chain;
    }

    /** The services along the ancestry from the root down to the Send API call, each stretch named once. */
    List<String> servicesFromRoot() {
        List<String> services = new ArrayList<>();
        List<CollectedSpan> chain = ancestry().reversed();
        for (CollectedSpan span : chain) {
            if (services.isEmpty() || !services.getLast().equals(span.service())) {
                services.add(span.service());
            }
        }
        return services;
    }

    CollectedSpan sendApiCall() {
        return sendApiCall;
    }

    private boolean completeChainFrom(String spanId) {
        CollectedSpan span = spans.get(spanId);
        while (span != null && !span.parentSpanId().isEmpty()) {
            span = spans.get(span.parentSpanId());
        }
        return span != null;
    }

    private Optional<CollectedSpan> parentOf(CollectedSpan span) {
        return span.parentSpanId().isEmpty() ? Optional.empty() : Optional.ofNullable(spans.get(span.parentSpanId()));
    }
}
