package com.sellavie.platform.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C {@code traceparent} of the current span, so consumers can continue the trace that wrote an
 * event (or, in a service, work it queues in its own tables, like conversation's outbound messages).
 * Tracing is optional: without a tracer or a current span there is no traceparent. A bean of every
 * service with a database.
 */
public class TraceparentSource {

    private static final String TRACEPARENT = "traceparent";

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public TraceparentSource(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** @return the current span's traceparent, or null when there is no current span */
    public String current() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        // Not span.isNoop(): an unsampled span is a no-op for recording, yet its trace goes on downstream.
        if (span == null || span.context().traceId() == null || span.context().traceId().isEmpty()) {
            return null;
        }
        Propagator configured = propagator.getIfAvailable();
        if (configured != null) {
            Map<String, String> carrier = new HashMap<>();
            configured.inject(span.context(), carrier, Map::put);
            if (carrier.containsKey(TRACEPARENT)) {
                return carrier.get(TRACEPARENT);
            }
        }
        // The propagator speaks another format (B3): the header on the wire is W3C all the same.
        return format(span.context());
    }

    static String format(TraceContext context) {
        String traceId = leftPad(context.traceId(), 32);
        String spanId = leftPad(context.spanId(), 16);
        String flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String leftPad(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }
}
