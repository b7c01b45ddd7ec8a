package com.sellavie.systemtests.bench;

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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of the journey's topics, read after the run (so reading costs the measured system
 * nothing): key, the {@code eventType} header, the record timestamp (CreateTime: when the
 * service's outbox relay handed it to its producer) and the event's correlation id.
 */
final class TopicTimes {

    static final String INBOUND = "ingest.inbound-messages";
    static final String REPLY_REQUESTS = "conversation.reply-requests";
    static final String AI_REPLIES = "ai.replies";
    static final String MESSAGES = "conversation.messages";

    /** One record as the benchmark needs it. */
    record Seen(String topic, String key, String eventType, long timestamp, String correlationId) {
    }

    private TopicTimes() {
    }

    static List<Seen> readAll(String bootstrap) {
        return readAll(bootstrap, List.of(INBOUND, REPLY_REQUESTS, AI_REPLIES, MESSAGES));
    }

    /** Every record of these topics, from the beginning. */
    static List<Seen> readAll(String bootstrap, List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<Seen> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    Header type = record.headers().lastHeader("eventType");
                    seen.add(new Seen(record.topic(),
                            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                            type == null ? "" : new String(type.value(), StandardCharsets.UTF_8),
                            record.timestamp(), EventEnvelope.read(record.value()).correlationId()));
                }
            }
        }
        return seen;
    }
}
