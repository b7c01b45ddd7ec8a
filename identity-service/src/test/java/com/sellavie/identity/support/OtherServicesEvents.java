package com.sellavie.identity.support;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Real Avro events on the test broker as another service's relay publishes them: Confluent format
 * through the registry, headers {@code eventId}, {@code eventType}, {@code businessId}.
 */
public final class OtherServicesEvents {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private static final Serializer<SpecificRecord> SERIALIZER = EventSerdes.connect(TestSchemaRegistry.baseUrl())
            .serializer();

    private OtherServicesEvents() {
    }

    /** Encodes {@code event} once and publishes those bytes {@code times} times with key {@code key}. */
    public static void publish(SpecificRecord event, String key, int times) {
        String topic = Topics.of(event.getClass()).name();
        byte[] bytes;
        synchronized (SERIALIZER) {
            bytes = SERIALIZER.serialize(topic, event);
        }
        EventMetadata metadata = EventMetadata.of(event);
        for (int i = 0; i < times; i++) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes);
            record.headers().add("eventId", metadata.eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventType", EventMetadata.eventType(event).getBytes(StandardCharsets.UTF_8));
            record.headers().add("businessId", metadata.businessId().toString().getBytes(StandardCharsets.UTF_8));
            try {
                PRODUCER.send(record).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not publish to " + topic, e);
            }
        }
    }
}
