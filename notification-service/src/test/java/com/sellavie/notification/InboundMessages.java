package com.sellavie.notification;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * InboundMessageReceived records as ingest publishes them (relay headers, Confluent wire format
 * through the real registry), sent to the real broker as many times as a test wants.
 */
public final class InboundMessages {

    private static final String TOPIC = Topics.INGEST_INBOUND_MESSAGES.name();

    private InboundMessages() {
    }

    /** An Instagram DM to {@code businessId}'s account, with a fresh eventId and Meta message id. */
    public static InboundMessageReceived instagramDm(UUID businessId, String text) {
        return dm(businessId, "m_" + UUID.randomUUID(), text);
    }

    public static InboundMessageReceived dm(UUID businessId, String mid, String text) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, Instant.now());
        return InboundMessageReceived.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId())
                .setChannelType("INSTAGRAM")
                .setChannelExternalId("17841400000000001")
                .setSenderExternalId("igsid-" + businessId.toString().substring(0, 8))
                .setExternalMessageId(mid)
                .setText(text)
                .setSentAt(Instant.now())
                .build();
    }

    /** Publishes {@code message} (encoded once per call) with the relay's headers; waits for the broker's ack. */
    public static void publish(InboundMessageReceived message) {
        publish(message, message.getBusinessId().toString());
    }

    /** As {@link #publish(InboundMessageReceived)}, with {@code businessIdHeader} as the tenant header. */
    public static void publish(InboundMessageReceived message, String businessIdHeader) {
        byte[] value;
        synchronized (Wire.SERIALIZER) {
            value = Wire.SERIALIZER.serialize(TOPIC, message);
        }
        // Key = the conversation's sender, so a test's records stay in one partition, in order.
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, message.getSenderExternalId(), value);
        record.headers().add("eventId", message.getEventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", "InboundMessageReceived".getBytes(StandardCharsets.UTF_8));
        record.headers().add("businessId", businessIdHeader.getBytes(StandardCharsets.UTF_8));
        try {
            Wire.PRODUCER.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + TOPIC, e);
        }
    }

    /** The broker and registry clients, started on the first publish only (unit tests build records too). */
    private static final class Wire {

        static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        static final AvroKafkaSerializer<SpecificRecord> SERIALIZER = serializer();

        private static AvroKafkaSerializer<SpecificRecord> serializer() {
            AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
            serializer.configure(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true), false);
            return serializer;
        }
    }
}
