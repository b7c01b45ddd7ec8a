package com.sellavie.ingest;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * conversation-service's channel events, built and published the way its outbox relay publishes them
 * (key = channelId; headers eventId, eventType, businessId; Avro through the real registry).
 */
public final class ChannelEvents {

    private static final EventSerdes SERDES = EventSerdes.connect(TestSchemaRegistry.baseUrl());
    private static final KafkaProducer<String, SpecificRecord> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), SERDES.serializer());

    private ChannelEvents() {
    }

    /** Publishes {@code connected} and waits (30 s at most) until ingest's route for it is active. */
    public static void connectAndAwaitRoute(JdbcTemplate jdbc, ChannelConnected connected) {
        publish(connected.getChannelId().toString(), connected);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TenantContext.callAs(connected.getBusinessId(),
                () -> jdbc.queryForObject("SELECT count(*) FROM channel_routes WHERE channel_id = ? AND active",
                        Integer.class, connected.getChannelId())) == 1);
    }

    public static ChannelConnected connected(UUID businessId, String channelType, String externalId) {
        return connected(businessId, UUID.randomUUID(), channelType, externalId, null, null, Instant.now());
    }

    public static ChannelConnected connected(UUID businessId, UUID channelId, String channelType, String externalId,
            String wabaId, String displayPhoneNumber, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, at);
        return ChannelConnected.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(at).setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setChannelId(channelId).setChannelType(channelType).setExternalId(externalId)
                .setName("shop").setPageId(null).setWhatsappBusinessAccountId(wabaId)
                .setDisplayPhoneNumber(displayPhoneNumber).build();
    }

    /** An Instagram account connected through its Facebook Page (Facebook Login). */
    public static ChannelConnected instagramThroughPage(UUID businessId, String accountId, String pageId) {
        ChannelConnected connected = connected(businessId, "INSTAGRAM", accountId);
        connected.setPageId(pageId);
        return connected;
    }

    public static ChannelNeedsReconnect needsReconnect(ChannelConnected connected, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(connected.getBusinessId(), at);
        return ChannelNeedsReconnect.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(at).setBusinessId(connected.getBusinessId())
                .setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setChannelId(connected.getChannelId()).setChannelType(connected.getChannelType())
                .setExternalId(connected.getExternalId()).setName(connected.getName())
                .setDetail("Error validating access token: The session has been invalidated.").build();
    }

    public static ChannelDisconnected disconnected(ChannelConnected connected, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(connected.getBusinessId(), at);
        return ChannelDisconnected.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(at).setBusinessId(connected.getBusinessId())
                .setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setChannelId(connected.getChannelId()).setChannelType(connected.getChannelType())
                .setExternalId(connected.getExternalId()).setName(connected.getName()).setPageId(null)
                .setWhatsappBusinessAccountId(connected.getWhatsappBusinessAccountId())
                .setDisplayPhoneNumber(connected.getDisplayPhoneNumber()).setReason("MERCHANT_REQUEST").build();
    }

    /** Publishes {@code event} on conversation.channels under {@code key} and waits for the broker's ack. */
    public static void publish(String key, SpecificRecord event) {
        publish(Topics.CONVERSATION_CHANNELS.name(), key, event);
    }

    /** Publishes {@code event} on {@code topic} with the relay's headers (eventId, eventType, businessId). */
    public static void publish(String topic, String key, SpecificRecord event) {
        EventMetadata metadata = EventMetadata.of(event);
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(topic, key, event);
        record.headers().add("eventId", bytes(metadata.eventId().toString()));
        record.headers().add("eventType", bytes(EventMetadata.eventType(event)));
        record.headers().add("businessId", bytes(metadata.businessId().toString()));
        try {
            PRODUCER.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + EventMetadata.eventType(event), e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
