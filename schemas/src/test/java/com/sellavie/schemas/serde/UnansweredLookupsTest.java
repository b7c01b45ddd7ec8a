package com.sellavie.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.platform.test.UnansweredLookups;
import io.vertx.core.http.HttpClosedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class UnansweredLookupsTest {

    @Test
    void aLookupTheRegistryDidNotAnswerIsMadeAgain() {
        AtomicInteger calls = new AtomicInteger();

        String result = UnansweredLookups.retried(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new SerializationException("lookup failed", new HttpClosedException("Connection was closed"));
            }
            return "decoded";
        });

        assertThat(result).isEqualTo("decoded");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aRegistryThatNeverAnswersFailsAfterThreeAttempts() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> UnansweredLookups.retried(() -> {
            calls.incrementAndGet();
            throw new SerializationException("lookup failed", new HttpClosedException("Connection was closed"));
        })).hasRootCauseInstanceOf(HttpClosedException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> UnansweredLookups.retried(() -> {
            calls.incrementAndGet();
            throw new SerializationException("no schema with id 6");
        })).hasMessage("no schema with id 6");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aPollWhoseRecordCouldNotBeDecodedForWantOfAnAnswerIsPolledAgain() {
        TopicPartition partition = new TopicPartition("conversation.reply-requests", 1);
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(partition));
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), 0, "key", "decoded"));
        // the consumer stays at the record, and the first poll fails as a real one does when its lookup goes unanswered
        consumer.setPollException(new KafkaException("Error deserializing VALUE", new HttpClosedException("Connection was closed")));

        List<String> values = UnansweredLookups.poll(consumer, Duration.ofMillis(10)).records(partition).stream()
                .map(ConsumerRecord::value).toList();

        assertThat(values).containsExactly("decoded");
    }
}
