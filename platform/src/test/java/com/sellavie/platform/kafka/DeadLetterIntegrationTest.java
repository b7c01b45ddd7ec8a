package com.sellavie.platform.kafka;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static com.sellavie.platform.testservice.TestRecords.header;
import static com.sellavie.platform.testservice.TestRecords.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.platform.tenancy.TenantHeaders;
import com.sellavie.platform.testservice.ConsumerServiceTest;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestListeners;
import com.sellavie.platform.testservice.TestRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

@ConsumerServiceTest
class DeadLetterIntegrationTest {

    private static final String DLT = TestListeners.FAILURES_TOPIC + ".dlt";

    @Autowired
    TestListeners listeners;
    @Autowired
    DeadLetterReplayer replayer;

    @Test
    void undecodableRecordGoesToTheDeadLetterTopicWithItsOriginalBytes() {
        // Given garbage where an Avro event should be, followed by a good event
        String key = "garbage-" + UUID.randomUUID();
        byte[] garbage = ("not avro " + key).getBytes(StandardCharsets.UTF_8);
        String next = "after-garbage-" + UUID.randomUUID();

        // When both are published
        TestRecords.publish(TestListeners.FAILURES_TOPIC, key, garbage, TenantHeaders.BUSINESS_ID, BUSINESS_A.toString());
        publishEvent(TestListeners.FAILURES_TOPIC, next);

        // Then the garbage is dead-lettered unchanged, at once, with why and where it came from
        ConsumerRecord<byte[], byte[]> dead = TestRecords.awaitRecord(DLT, r -> key.equals(key(r)));
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(DeserializationException.class.getName());
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TestListeners.FAILURES_TOPIC);
        assertThat(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)).isNotNull();
        assertThat(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
        assertThat(header(dead, TenantHeaders.BUSINESS_ID)).isEqualTo(BUSINESS_A.toString());
        assertThat(dead.headers().lastHeader(AvroEventDeserializer.ORIGINAL_VALUE_HEADER)).isNull();
        // And the consumer kept going
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.handled.contains(next));
    }

    @Test
    void permanentlyFailingRecordIsDeadLetteredAtOnceAsPublished() {
        // Given an event its handler refuses for good (IllegalStateException), followed by a good event
        String failing = TestListeners.ALWAYS_FAILS + UUID.randomUUID();
        String next = "after-failure-" + UUID.randomUUID();
        byte[] published = TestRecords.encode(TestListeners.FAILURES_TOPIC, TestEvents.inboundMessage(BUSINESS_A, failing));

        // When both are published
        TestRecords.publish(TestListeners.FAILURES_TOPIC, failing, published, TenantHeaders.BUSINESS_ID,
                BUSINESS_A.toString());
        publishEvent(TestListeners.FAILURES_TOPIC, next);

        // Then it is dead-lettered byte for byte, with the handler's exception, after its single attempt
        ConsumerRecord<byte[], byte[]> dead = TestRecords.awaitRecord(DLT, r -> failing.equals(key(r)));
        assertThat(dead.value()).isEqualTo(published);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("handler refused " + failing);
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TestListeners.FAILURES_TOPIC);
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("consumer-it-failures");
        assertThat(listeners.attempts.get(failing)).hasValue(1);
        // And the consumer kept going
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.handled.contains(next));
    }

    @Test
    void deadLetteredRecordIsReplayedToItsTopicAndHandled() {
        // Given an event that failed while its handler was broken
        String flaky = TestListeners.FLAKY + UUID.randomUUID();
        publishEvent(TestListeners.REPLAY_TOPIC, flaky);
        TestRecords.awaitRecord(TestListeners.REPLAY_TOPIC + ".dlt", r -> flaky.equals(key(r)));
        assertThat(listeners.handled).doesNotContain(flaky);

        // When the handler is fixed and the dead-letter topic replayed
        listeners.flaky.set(false);
        int replayed = replayer.replay(TestListeners.REPLAY_TOPIC + ".dlt");

        // Then the event is handled, and a second replay has nothing left to send
        assertThat(replayed).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.handled.contains(flaky));
        assertThat(replayer.replay(TestListeners.REPLAY_TOPIC + ".dlt")).isZero();
        ConsumerRecord<byte[], byte[]> again = TestRecords.awaitRecord(TestListeners.REPLAY_TOPIC,
                r -> flaky.equals(key(r)) && r.headers().lastHeader(DeadLetterReplayer.REPLAYED_FROM_HEADER) != null);
        assertThat(again.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN)).isNull();
    }

    private static void publishEvent(String topic, String text) {
        TestRecords.publish(topic, text, TestRecords.encode(topic, TestEvents.inboundMessage(BUSINESS_A, text)),
                TenantHeaders.BUSINESS_ID, BUSINESS_A.toString());
    }
}
