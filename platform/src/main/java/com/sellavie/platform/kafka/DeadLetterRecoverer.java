package com.sellavie.platform.kafka;

import com.sellavie.platform.failure.FailureClassifier;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes a record its consumer gave up on to {@code <topic>.dlt}: the original key and value
 * bytes, the original headers, and Spring Kafka's headers naming the exception and the origin
 * (topic, partition, offset, consumer group). Logged as an error naming the record (position, eventId,
 * consumer group, classification and cause), never silent.
 */
class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    DeadLetterRecoverer(KafkaOperations<byte[], byte[]> rawTemplate) {
        // Partition -1: the producer picks one by key, so a DLT with fewer partitions still works.
        super(rawTemplate, (record, exception) -> new TopicPartition(DeadLetterTopics.of(record.topic()), -1));
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        log.error("Giving up on record {} (eventId {}, group {}), {}: {}; publishing it to {}",
                FailedRecords.position(record), FailedRecords.eventId(record), groupOf(consumer, exception),
                FailureClassifier.classify(exception).tag(), FailedRecords.describe(exception),
                DeadLetterTopics.of(record.topic()));
        super.accept(record, consumer, exception);
    }

    private static String groupOf(Consumer<?, ?> consumer, Exception exception) {
        String group = FailedRecords.group(exception);
        if (!FailedRecords.UNKNOWN.equals(group) || consumer == null) {
            return group;
        }
        try {
            return consumer.groupMetadata().groupId();
        } catch (RuntimeException noGroup) {
            return FailedRecords.UNKNOWN;
        }
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
            TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
        Header original = headers.lastHeader(AvroEventDeserializer.ORIGINAL_VALUE_HEADER);
        headers.remove(AvroEventDeserializer.ORIGINAL_VALUE_HEADER);
        byte[] originalValue = value != null ? value : original != null ? original.value() : rawValue(record);
        byte[] originalKey = key != null ? key : rawKey(record.key());
        return new ProducerRecord<>(topicPartition.topic(),
                topicPartition.partition() < 0 ? null : topicPartition.partition(),
                originalKey, originalValue, headers);
    }

    private static byte[] rawValue(ConsumerRecord<?, ?> record) {
        if (record.value() == null || record.value() instanceof byte[]) {
            return (byte[]) record.value();
        }
        throw new IllegalStateException("The original bytes of " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " are not known (its consumer does not use AvroEventDeserializer)");
    }

    private static byte[] rawKey(Object key) {
        if (key == null || key instanceof byte[]) {
            return (byte[]) key;
        }
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }
}
