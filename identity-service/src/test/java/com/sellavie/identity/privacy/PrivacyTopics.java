package com.sellavie.identity.privacy;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.EventSerdes;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads {@code identity.privacy-requests} from the beginning as any consumer would, and publishes
 * answers on {@code privacy.task-results} as another service's relay would (headers eventId,
 * eventType, businessId).
 */
public final class PrivacyTopics implements AutoCloseable {

    private final EventSerdes serdes = EventSerdes.connect(TestSchemaRegistry.baseUrl());
    private final KafkaConsumer<String, Object> consumer;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());
    private final List<ConsumerRecord<String, Object>> seen = new CopyOnWriteArrayList<>();

    public PrivacyTopics() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "identity-privacy-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), serdes.deserializer());
        consumer.subscribe(List.of(Topics.IDENTITY_PRIVACY_REQUESTS.name()));
    }

    /** The privacy requests' events seen so far whose requestId is {@code requestId} (after one more poll). */
    public List<SpecificRecord> requestEvents(String requestId) {
        UnansweredLookups.poll(consumer, Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().map(record -> (SpecificRecord) record.value())
                .filter(event -> requestId.equals(String.valueOf(event.get(event.getSchema().getField("requestId").pos()))))
                .toList();
    }

    /** The erasures requested for Meta user {@code metaUserId} seen so far (after one more poll). */
    public List<com.sellavie.events.identity.DataErasureRequested> metaUserErasures(String metaUserId) {
        UnansweredLookups.poll(consumer, Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().map(ConsumerRecord::value)
                .filter(com.sellavie.events.identity.DataErasureRequested.class::isInstance)
                .map(com.sellavie.events.identity.DataErasureRequested.class::cast)
                .filter(event -> metaUserId.equals(event.getMetaUserId()))
                .toList();
    }

    /** Every record seen so far (after one more poll): for asserting that nothing was published. */
    public List<ConsumerRecord<String, Object>> all() {
        UnansweredLookups.poll(consumer, Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** Publishes {@code event} (its own eventId header) keyed by {@code key}. */
    public void publish(SpecificRecord event, String key) {
        String topic = Topics.of(event.getClass()).name();
        byte[] bytes;
        try (AvroKafkaSerializer<SpecificRecord> serializer =
                RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true))) {
            bytes = UnansweredLookups.retried(() -> serializer.serialize(topic, event));
        }
        EventMetadata metadata = EventMetadata.of(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes);
        record.headers().add("eventId", metadata.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", EventMetadata.eventType(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add("businessId", metadata.businessId().toString().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
        serdes.close();
    }
}
