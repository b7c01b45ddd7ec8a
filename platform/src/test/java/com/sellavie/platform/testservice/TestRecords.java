package com.sellavie.platform.testservice;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Publishing and reading raw records on the test broker: events are encoded once, as a producer
 * would (Confluent format through the registry), and their bytes sent as many times as a test wants.
 */
public final class TestRecords {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private static final AvroKafkaSerializer<SpecificRecord> SERIALIZER = serializer();

    private TestRecords() {
    }

    /** The event's bytes on {@code topic}: magic byte, schema id, Avro binary. */
    public static byte[] encode(String topic, SpecificRecord event) {
        synchronized (SERIALIZER) {
            return UnansweredLookups.retried(() -> SERIALIZER.serialize(topic, event));
        }
    }

    /** Publishes one record and waits until the broker has it. Headers are name/value pairs. */
    public static void publish(String topic, String key, byte[] value, String... headers) {
        publishTo(topic, null, key, value, headers);
    }

    /** Publishes one record to the given partition (null: by key) and waits until the broker has it. */
    public static void publishTo(String topic, Integer partition, String key, byte[] value, String... headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, key, value);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            record.headers().add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        try {
            PRODUCER.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** Waits for the first record on {@code topic} (read from its beginning) that matches. */
    public static ConsumerRecord<byte[], byte[]> awaitRecord(String topic,
            Predicate<ConsumerRecord<byte[], byte[]>> matching) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "enable.auto.commit", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                if (!partitions.isEmpty() && !consumer.assignment().containsAll(partitions)) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                if (!consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                        if (matching.test(r)) {
                            found.add(r);
                        }
                    });
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    /** Every record {@code topic} holds now, read from its beginning to its current end. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "enable.auto.commit", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return all;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return all;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static AvroKafkaSerializer<SpecificRecord> serializer() {
        return RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true));
    }
}
