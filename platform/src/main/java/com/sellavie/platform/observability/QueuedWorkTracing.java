package com.sellavie.platform.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Map;

/**
 * Work a service queues in its own table and does later on a worker thread (conversation's outbound
 * sends, ai's reply jobs) would start a new trace there. Stored with the row, the traceparent of the
 * span that queued it ({@code outbox.TraceparentSource}) lets the worker continue that trace: the work
 * runs in a consumer span whose parent is the queuing span, like a Kafka listener's. No traceparent
 * (queued outside any span): the work starts a trace of its own.
 */
public class QueuedWorkTracing {

    private static final String TRACEPARENT = "traceparent";

    private final ObservationRegistry observations;

    public QueuedWorkTracing(ObservationRegistry observations) {
        this.observations = observations;
    }

    /**
     * @param name           the observation's (and its timer's) name, e.g. {@code sellavie.outbound.attempt}
     * @param contextualName the span's name
     * @param traceparent    stored when the work was queued; null when there was no span
     */
    public void run(String name, String contextualName, String traceparent, Runnable work) {
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get, Kind.CONSUMER);
        context.setCarrier(traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent));
        Observation.createNotStarted(name, () -> context, observations).contextualName(contextualName).observe(work);
    }
}
