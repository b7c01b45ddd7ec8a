package com.sellavie.local.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The records of the DM journey's topics, read after the load (so reading costs the measured system nothing):
 * key, record timestamp (CreateTime: when the service's outbox relay handed it to its producer) and the
 * event's correlation id.
 */
final class TopicTimes {

    static final String INBOUND = "ingest.inbound-messages";
    static final String REPLY_REQUESTS = "conversation.reply-requests";
    static final String AI_REPLIES = "ai.replies";
    static final List<String> JOURNEY = List.of(INBOUND, REPLY_REQUESTS, AI_REPLIES);

    /** One record as the breakdown needs it. */
    record Seen(String topic, String key, long timestamp, String correlationId) {
    }

    private TopicTimes() {
    }

    /** Every record of the journey's topics from the beginning (the bench's data folder is fresh each run). */
    static List<Seen> readAll(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<Seen> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : JOURNEY) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    String correlation;
                    try {
                        correlation = EventEnvelope.read(record.value()).correlationId();
                    } catch (RuntimeException e) {
                        continue;
                    }
                    seen.add(new Seen(record.topic(),
                            record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8),
                            record.timestamp(), correlation));
                }
            }
        }
        return seen;
    }
}
