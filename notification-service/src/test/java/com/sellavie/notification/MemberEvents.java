package com.sellavie.notification;

import com.sellavie.events.identity.MemberJoined;
import com.sellavie.events.identity.MemberLeft;
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

/** identity.members events as identity publishes them (relay headers, registry wire format). */
public final class MemberEvents {

    private static final String TOPIC = Topics.IDENTITY_MEMBERS.name();

    private MemberEvents() {
    }

    public static MemberJoined joined(UUID business, UUID user, String role) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now());
        return MemberJoined.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(business)
                .setCorrelationId(m.correlationId()).setUserId(user).setRole(role).build();
    }

    public static MemberLeft left(UUID business, UUID user, String previousRole) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now());
        return MemberLeft.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(business)
                .setCorrelationId(m.correlationId()).setUserId(user).setPreviousRole(previousRole)
                .setReason("REMOVED").setRemovedByUserId(UUID.randomUUID()).build();
    }

    /** Publishes keyed by business with the relay's headers. */
    public static void publish(SpecificRecord event) {
        UUID business = EventMetadata.of(event).businessId();
        byte[] value;
        synchronized (Wire.SERIALIZER) {
            value = Wire.SERIALIZER.serialize(TOPIC, event);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, business.toString(), value);
        record.headers().add("eventId", EventMetadata.of(event).eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", EventMetadata.eventType(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add("businessId", business.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Wire.PRODUCER.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + TOPIC, e);
        }
    }

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
