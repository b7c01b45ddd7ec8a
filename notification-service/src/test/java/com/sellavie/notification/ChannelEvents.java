package com.sellavie.notification;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
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

/** conversation.channels events as conversation-service publishes them (relay headers, registry wire format). */
public final class ChannelEvents {

    private static final String TOPIC = Topics.CONVERSATION_CHANNELS.name();

    private ChannelEvents() {
    }

    public static ChannelNeedsReconnect needsReconnect(UUID business, UUID channel, String type, String name) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now());
        return ChannelNeedsReconnect.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setChannelId(channel)
                .setChannelType(type).setExternalId("17841400000000001").setName(name)
                .setDetail("Error validating access token: The session has been invalidated because the user "
                        + "changed their password.").build();
    }

    public static ChannelConnected connected(UUID business, UUID channel) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now());
        return ChannelConnected.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(business).setCorrelationId(m.correlationId()).setChannelId(channel)
                .setChannelType("INSTAGRAM").setExternalId("17841400000000001").setName("ankara.studio").build();
    }

    /** Publishes {@code event} keyed by its channel with the relay's headers ({@code businessIdHeader} as tenant). */
    public static void publish(SpecificRecord event, UUID channel, String businessIdHeader) {
        byte[] value;
        synchronized (Wire.SERIALIZER) {
            value = Wire.SERIALIZER.serialize(TOPIC, event);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, channel.toString(), value);
        record.headers().add("eventId", EventMetadata.of(event).eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", EventMetadata.eventType(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add("businessId", businessIdHeader.getBytes(StandardCharsets.UTF_8));
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
