package com.sellavie.platform.observability;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.platform.tenancy.TenantHeaders;
import com.sellavie.platform.testservice.ConsumerServiceTest;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestListeners;
import com.sellavie.platform.testservice.TestRecords;
import io.micrometer.tracing.TraceContext;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ConsumerServiceTest
class TracingAcrossKafkaIntegrationTest {

    @Autowired
    TestListeners listeners;

    @Test
    void listenerSpanIsAChildOfTheProducersSpan() {
        // Given a record produced inside a span, its W3C traceparent in the headers
        String traceId = randomHex(16);
        String producerSpanId = randomHex(8);
        String text = "traced-" + UUID.randomUUID();

        // When it is consumed
        TestRecords.publish(TestListeners.OBSERVED_TOPIC, text,
                TestRecords.encode(TestListeners.OBSERVED_TOPIC, TestEvents.inboundMessage(BUSINESS_A, text)),
                "traceparent", "00-" + traceId + "-" + producerSpanId + "-01",
                TenantHeaders.BUSINESS_ID, BUSINESS_A.toString());

        // Then the listener's span continues that trace, as a child of the producer's span
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.observed.containsKey(text));
        TraceContext consumerSpan = listeners.observed.get(text).span();
        assertThat(consumerSpan).isNotNull();
        assertThat(consumerSpan.traceId()).isEqualTo(traceId);
        assertThat(consumerSpan.parentId()).isEqualTo(producerSpanId);
        assertThat(consumerSpan.spanId()).isNotEqualTo(producerSpanId);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 0x10; // never all zeros, which W3C forbids
        return HexFormat.of().formatHex(random);
    }
}
