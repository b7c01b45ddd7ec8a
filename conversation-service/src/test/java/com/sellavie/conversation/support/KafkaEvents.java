package com.sellavie.conversation.support;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Real records on the test broker: events encoded once through the registry (Confluent format) and
 * published as often as a test wants; topics read from their beginning and decoded.
 */
public final class KafkaEvents {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private static final AvroKafkaSerializer<SpecificRecord> SERIALIZER = serializer();

    private KafkaEvents() {
    }

    public static byte[] encode(String topic, SpecificRecord event) {
        synchronized (SERIALIZER) {
            return UnansweredLookups.retried(() -> SERIALIZER.serialize(topic, event));
        }
    }

    /** Publishes the bytes with the headers the relay would set (eventId, businessId). */
    public static void publish(String topic, String key, byte[] value, String eventId, String businessId) {
        publish(topic, key, value, eventId, businessId, Map.of());
    }

    /** Same, with extra headers (e.g. the one a dead-letter replay adds). */
    public static void publish(String topic, String key, byte[] value, String eventId, String businessId,
            Map<String, String> extraHeaders) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("eventId", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("businessId", businessId.getBytes(StandardCharsets.UTF_8));
        extraHeaders.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            PRODUCER.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Every record of {@code type} on {@code topic} that matches (with its headers), read until {@code until} holds for them. */
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
                        // The topic does not exist yet (nothing published to it so far).
                        continue;
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, Object> r : UnansweredLookups.poll(consumer, Duration.ofMillis(200))) {
                    if (type.isInstance(r.value()) && matching.test(type.cast(r.value()))) {
                        found.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(),
                                r.timestampType(), r.serializedKeySize(), r.serializedValueSize(), r.key(),
                                type.cast(r.value()), r.headers(), r.leaderEpoch()));
                    }
                }
                if (until.test(found)) {
                    return found;
                }
            }
        }
        return found;
    }

    /** Waits for the first matching record (fails the caller's assertion with an empty list otherwise). */
    public static <T> List<ConsumerRecord<String, T>> awaitFirst(String topic, Class<T> type, Predicate<T> matching) {
        return await(topic, type, matching, l -> !l.isEmpty(), Duration.ofSeconds(30));
    }

    /** Everything matching that arrives within {@code window} (to show that something happened once only). */
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

    private static AvroKafkaSerializer<SpecificRecord> serializer() {
        return RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true));
    }
}
