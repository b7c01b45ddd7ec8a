package com.sellavie.notification;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the test broker exactly as the outbox relay does: the Avro value through the
 * registry, and the relay's {@code eventId}, {@code eventType} and {@code businessId} headers.
 */
public final class RelayedEvents {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private static final AvroKafkaSerializer<SpecificRecord> SERIALIZER = serializer();

    private RelayedEvents() {
    }

    /** Publishes {@code event} once, with {@code businessIdHeader} as the tenant header. */
    public static void publish(String topic, String key, SpecificRecord event, String businessIdHeader) {
        publish(topic, key, event, businessIdHeader, 1);
    }

    /** Publishes the same bytes {@code times} times (a redelivery the consumer must absorb). */
    public static void publish(String topic, String key, SpecificRecord event, String businessIdHeader, int times) {
        byte[] value;
        synchronized (SERIALIZER) {
            value = UnansweredLookups.retried(() -> SERIALIZER.serialize(topic, event));
        }
        for (int i = 0; i < times; i++) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("eventId", EventMetadata.of(event).eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventType", EventMetadata.eventType(event).getBytes(StandardCharsets.UTF_8));
            record.headers().add("businessId", businessIdHeader.getBytes(StandardCharsets.UTF_8));
            try {
                PRODUCER.send(record).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not publish to " + topic, e);
            }
        }
    }

    private static AvroKafkaSerializer<SpecificRecord> serializer() {
        return RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true));
    }
}
