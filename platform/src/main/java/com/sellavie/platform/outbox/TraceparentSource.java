package com.sellavie.platform.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C {@code traceparent} of the current span, so consumers can continue the trace that wrote an
 * event (or, in a service, work it queues in its own tables, like conversation's outbound messages).
 * Tracing is optional: without a tracer or a current span there is no traceparent. A bean of every
 * service with a database.
 *
 * <p>The tracer is looked up once: {@link ObjectProvider#getIfAvailable()} resolves the dependency
 * anew on every call, and called for every event written it was 4-8 % of a service's CPU under load
 * (docs/benchmarks.md, "Where a DM's cost goes"). The header is always W3C, whatever propagation the
 * service is configured with, so it is formatted here rather than through the propagator.
 */
public class TraceparentSource {

    private final ObjectProvider<Tracer> tracerProvider;
    private volatile Optional<Tracer> tracer;

    public TraceparentSource(ObjectProvider<Tracer> tracer) {
        this.tracerProvider = tracer;
    }

    /** @return the current span's traceparent, or null when there is no current span */
    public String current() {
        Span span = tracer().map(Tracer::currentSpan).orElse(null);
        // Not span.isNoop(): an unsampled span is a no-op for recording, yet its trace goes on downstream.
        if (span == null || span.context().traceId() == null || span.context().traceId().isEmpty()) {
            return null;
        }
        return format(span.context());
    }

    private Optional<Tracer> tracer() {
        Optional<Tracer> resolved = tracer;
        if (resolved == null) {
            resolved = Optional.ofNullable(tracerProvider.getIfAvailable());
            tracer = resolved;
        }
        return resolved;
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
