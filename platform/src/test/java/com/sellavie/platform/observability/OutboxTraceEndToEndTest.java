package com.sellavie.platform.observability;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.testservice.ConsumerServiceTest;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestListeners;
import com.sellavie.platform.testservice.TestListeners.Observed;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The whole path: a use case's span, the outbox, the relay, Kafka, and a listener of another service. */
@ConsumerServiceTest
class OutboxTraceEndToEndTest {

    @Autowired
    Tracer tracer;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    TestListeners listeners;

    @Test
    void eventWrittenInsideASpanIsConsumedInAChildSpanAsItsTenant() {
        // Given a use case running in a span
        String text = "outbox-traced-" + UUID.randomUUID();
        InboundMessageReceived event = TestEvents.inboundMessage(BUSINESS_A, text);
        Span useCase = tracer.nextSpan().name("use-case").start();

        // When it publishes an event through the outbox
        try (Tracer.SpanInScope ignored = tracer.withSpan(useCase)) {
            transaction.executeWithoutResult(status -> outbox.publish(event, "conversation-" + text));
        } finally {
            useCase.end();
        }

        // Then the relay delivers it and the listener's span is a child of the use case's
        await().atMost(Duration.ofSeconds(60)).until(() -> listeners.observed.containsKey(text));
        Observed seen = listeners.observed.get(text);
        assertThat(seen.span().traceId()).isEqualTo(useCase.context().traceId());
        assertThat(seen.span().parentId()).isEqualTo(useCase.context().spanId());
        assertThat(seen.businessId()).contains(BUSINESS_A);
    }
}
