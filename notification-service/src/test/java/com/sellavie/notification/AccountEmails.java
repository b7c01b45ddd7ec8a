package com.sellavie.notification;

import com.sellavie.events.identity.AccountEmailRequested;
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

/** identity.account-emails records as identity publishes them (relay headers, registry wire format, encrypted link). */
public final class AccountEmails {

    private static final String TOPIC = Topics.IDENTITY_ACCOUNT_EMAILS.name();

    private AccountEmails() {
    }

    /** A request of {@code kind} whose link is {@code link} encrypted for its own emailId. */
    public static AccountEmailRequested.Builder requested(String kind, String recipient, String locale, String link) {
        EventMetadata m = EventMetadata.startOfJourney(EventMetadata.NO_BUSINESS, Instant.now());
        UUID emailId = UUID.randomUUID();
        return AccountEmailRequested.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt())
                .setBusinessId(EventMetadata.NO_BUSINESS).setCorrelationId(m.correlationId()).setEmailId(emailId)
                .setKind(kind).setRecipient(recipient).setLocale(locale)
                .setActionLinkCiphertext(link == null ? null : TestMail.encryptLink(link, emailId))
                .setExpiresAt(Instant.parse("2026-12-01T18:30:00Z").truncatedTo(ChronoUnit.MILLIS));
    }

    /** The same request published again under a new eventId (identity retrying its publication). */
    public static AccountEmailRequested republished(AccountEmailRequested event) {
        return AccountEmailRequested.newBuilder(event).setEventId(UUID.randomUUID()).build();
    }

    public static void publish(AccountEmailRequested event) {
        publish(event, event.getBusinessId().toString());
    }

    /** Publishes keyed by emailId with the relay's headers ({@code businessIdHeader} as tenant). */
    public static void publish(SpecificRecord event, String businessIdHeader) {
        byte[] value;
        synchronized (Wire.SERIALIZER) {
            value = Wire.SERIALIZER.serialize(TOPIC, event);
        }
        String key = event instanceof AccountEmailRequested request ? request.getEmailId().toString() : "other";
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, value);
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
