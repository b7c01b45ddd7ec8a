package com.sellavie.commerce.support;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads real topics of the test broker from their beginning and decodes them through the registry. */
public final class KafkaEvents {

    private KafkaEvents() {
    }

    /** Every record of {@code type} on {@code topic} that matches, read until {@code until} holds for them. */
    public static <T> List<ConsumerRecord<String, T>> await(String topic, Class<T> type, Predicate<T> matching,
            Predicate<List<ConsumerRecord<String, T>>> until, Duration atMost) {
        List<ConsumerRecord<String, T>> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            List<TopicPartition> partitions = List.of();
            long deadline = System.nanoTime() + atMost.toNanos();
            while (System.nanoTime() < deadline) {
                if (partitions.isEmpty()) {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    if (partitions.isEmpty()) {
                        continue; // the topic does not exist yet (nothing published to it so far)
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, Object> r : UnansweredLookups.poll(consumer, Duration.ofMillis(200))) {
                    if (type.isInstance(r.value()) && matching.test(type.cast(r.value()))) {
                        found.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(),
                                type.cast(r.value())));
                    }
                }
                if (until.test(found)) {
                    return found;
                }
            }
        }
        return found;
    }

    /** Waits until {@code count} matching records arrived (or 30 s passed); returns what arrived. */
    public static <T> List<ConsumerRecord<String, T>> awaitCount(String topic, Class<T> type, Predicate<T> matching,
            int count) {
        return await(topic, type, matching, l -> l.size() >= count, Duration.ofSeconds(30));
    }

    /** Everything matching that arrives within {@code window} (to show that something did not happen). */
    public static <T> List<ConsumerRecord<String, T>> collect(String topic, Class<T> type, Predicate<T> matching,
            Duration window) {
        return await(topic, type, matching, l -> false, window);
    }

    private static KafkaConsumer<String, Object> consumer() {
        AvroKafkaDeserializer<Object> deserializer =
                RegistryClients.deserializer(EventSerdeConfig.deserializer(TestSchemaRegistry.baseUrl()));
        return new KafkaConsumer<>(Map.of("bootstrap.servers", TestKafka.bootstrapServers(),
                "enable.auto.commit", false), new StringDeserializer(), deserializer);
    }
}
