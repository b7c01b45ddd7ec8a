package com.sellavie.notification;

import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** conversation.handoffs events as conversation-service publishes them (relay headers, real registry). */
public final class HandoffEvents {

    private static final String TOPIC = Topics.CONVERSATION_HANDOFFS.name();

    private HandoffEvents() {
    }

    public static HandoffRequested requested(UUID business, UUID conversation, String trigger, String contactName,
            String reason) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return HandoffRequested.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setConversationId(conversation)
                .setContactId(UUID.randomUUID()).setContactName(contactName).setChannelType("INSTAGRAM")
                .setTrigger(trigger).setReason(reason)
                .setMemberId("MEMBER".equals(trigger) ? UUID.randomUUID().toString() : null).build();
    }

    public static HandoffResolved resolved(UUID business, UUID conversation, String trigger, String mode) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return HandoffResolved.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setConversationId(conversation)
                .setContactId(UUID.randomUUID()).setChannelType("INSTAGRAM").setTrigger(trigger).setMode(mode).build();
    }

    /** Publishes {@code event} keyed by its conversation, {@code times} times (the same bytes), tenant header = its business. */
    public static void publish(SpecificRecord event, UUID conversation, int times) {
        byte[] value;
        synchronized (Wire.SERIALIZER) {
            value = Wire.SERIALIZER.serialize(TOPIC, event);
        }
        for (int i = 0; i < times; i++) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, conversation.toString(), value);
            record.headers().add("eventId", EventMetadata.of(event).eventId().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventType", EventMetadata.eventType(event).getBytes(StandardCharsets.UTF_8));
            record.headers().add("businessId", EventMetadata.of(event).businessId().toString()
                    .getBytes(StandardCharsets.UTF_8));
            try {
                Wire.PRODUCER.send(record).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not publish to " + TOPIC, e);
            }
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
