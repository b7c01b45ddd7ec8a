package com.sellavie.ai;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Real Avro events on the test broker, as another service's relay would publish them (Confluent
 * format through the registry, headers eventId/eventType/businessId), and the events ai-service
 * published, decoded.
 */
public final class EventRecords {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    private EventRecords() {
    }

    /** Encodes the event once and publishes those bytes {@code times} times, keyed like its topic says. */
    public static void publish(SpecificRecord event, String key, int times) {
        publish(event, key, times, EventMetadata.of(event).businessId().toString());
    }

    /** Like {@link #publish(SpecificRecord, String, int)}, with the given {@code businessId} header. */
    public static void publish(SpecificRecord event, String key, int times, String businessIdHeader) {
        String topic = Topics.of(event.getClass()).name();
        byte[] bytes;
        try (AvroKafkaSerializer<SpecificRecord> serializer =
                RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true))) {
            bytes = serializer.serialize(topic, event);
        }
        EventMetadata metadata = EventMetadata.of(event);
        for (int i = 0; i < times; i++) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes);
            header(record, "eventId", metadata.eventId().toString());
            header(record, "eventType", EventMetadata.eventType(event));
            header(record, "businessId", businessIdHeader);
            try {
                PRODUCER.send(record).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not publish to " + topic, e);
            }
        }
    }

    /** These bytes as they are (a poison record, not Avro), with a businessId header. */
    public static void publishRaw(String topic, String key, byte[] bytes, String businessIdHeader) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes);
        header(record, "businessId", businessIdHeader);
        try {
            PRODUCER.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** The raw value of the first record of {@code topic} (read from its beginning) with this key. */
    public static byte[] awaitRawRecord(String topic, String key) {
        List<byte[]> found = new ArrayList<>();
        pollFromBeginning(topic, r -> {
            if (r.key() != null && key.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                found.add(r.value());
            }
        }, () -> !found.isEmpty());
        return found.getFirst();
    }

    /** Every record of {@code topic} (read from its beginning) whose decoded value matches, once {@code until} holds. */
    @SuppressWarnings("unchecked")
    public static <T> List<ConsumerRecord<String, T>> awaitRecords(String topic, Class<T> type, Predicate<T> matching,
            Predicate<List<ConsumerRecord<String, T>>> until) {
        List<ConsumerRecord<String, T>> found = new ArrayList<>();
        try (AvroKafkaDeserializer<Object> deserializer =
                RegistryClients.deserializer(EventSerdeConfig.deserializer(TestSchemaRegistry.baseUrl()))) {
            pollFromBeginning(topic, r -> {
                Object value = UnansweredLookups.retried(() -> deserializer.deserialize(topic, r.value()));
                if (type.isInstance(value) && matching.test((T) value)) {
                    found.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(),
                            r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), (T) value));
                }
            }, () -> until.test(found));
        }
        return found;
    }

    /** Reads {@code topic} from its beginning, each record to {@code each}, until {@code done} (60 s at most). */
    private static void pollFromBeginning(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each,
            BooleanSupplier done) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "enable.auto.commit", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                if (!partitions.isEmpty() && !consumer.assignment().containsAll(partitions)) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                if (!consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(200)).forEach(each);
                }
                return done.getAsBoolean();
            });
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
