package com.sellavie.notification.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.notification.HandoffEvents;
import com.sellavie.notification.InboundMessages;
import com.sellavie.notification.RelayedEvents;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.DatabaseTraces;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** identity.privacy-requests in notification-service: alerts naming a contact and their message previews go. */
// On a port like the module's other integration tests, so it shares their application context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class NotificationPrivacyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Value("${spring.datasource.url}")
    String database;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void contactErasureDeletesTheAlertsNamingThemOnly() {
        UUID business = UUID.randomUUID();
        String name = "Chidinma " + UUID.randomUUID();
        HandoffRequested handoff = HandoffEvents.requested(business, UUID.randomUUID(), "AI_ACTION", name, "refund");
        HandoffRequested otherBusiness = HandoffEvents.requested(UUID.randomUUID(), UUID.randomUUID(), "AI_ACTION",
                name, "refund");
        HandoffEvents.publish(handoff, handoff.getConversationId(), 1);
        HandoffEvents.publish(otherBusiness, otherBusiness.getConversationId(), 1);
        await().atMost(PATIENCE).until(() -> DatabaseTraces.find(database, name).getOrDefault("notifications", 0) == 2);

        DataErasureRequested request = erasure(business, "CONTACT", handoff.getContactId(), null);
        publish(request, 2);

        await().atMost(PATIENCE).until(() -> answers(request.getRequestId()) == 1);
        assertThat(DatabaseTraces.find(database, name)).containsExactly(Map.entry("notifications", 1));
        assertThat(DatabaseTraces.find(database, handoff.getContactId().toString())).isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> answers(request.getRequestId()) == 1);
    }

    @Test
    void metaUserErasureDeletesTheirMessagePreviewsInEveryBusiness() {
        String text = "my number is 0803 555 " + UUID.randomUUID();
        InboundMessageReceived first = InboundMessages.instagramDm(UUID.randomUUID(), text);
        String sender = first.getSenderExternalId();
        InboundMessageReceived second = InboundMessageReceived.newBuilder(InboundMessages.instagramDm(UUID.randomUUID(), text))
                .setSenderExternalId(sender).build();
        InboundMessageReceived someoneElse = InboundMessages.instagramDm(UUID.randomUUID(), text);
        InboundMessages.publish(first);
        InboundMessages.publish(second);
        InboundMessages.publish(someoneElse);
        await().atMost(PATIENCE).until(() -> DatabaseTraces.find(database, text).getOrDefault("notifications", 0) == 3);

        DataErasureRequested request = erasure(EventMetadata.NO_BUSINESS, "META_USER", null, sender);
        publish(request, 1);

        await().atMost(PATIENCE).until(() -> answers(request.getRequestId()) == 1);
        assertThat(DatabaseTraces.find(database, sender)).isEmpty();
        assertThat(DatabaseTraces.find(database, text)).containsExactly(Map.entry("notifications", 1));
    }

    @Test
    void contactErasureDeletesTheirMessagePreviewsOnceConversationNamedTheContactOfOne() {
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        String text = "call me on 0803 555 " + UUID.randomUUID();
        InboundMessageReceived first = InboundMessages.instagramDm(business, text);
        InboundMessageReceived second = InboundMessageReceived.newBuilder(InboundMessages.instagramDm(business, text))
                .setSenderExternalId(first.getSenderExternalId()).build();
        InboundMessageReceived someoneElse = InboundMessageReceived.newBuilder(InboundMessages.instagramDm(business, text))
                .setSenderExternalId("igsid-someone-else-" + UUID.randomUUID()).build();
        InboundMessages.publish(first);
        InboundMessages.publish(second);
        InboundMessages.publish(someoneElse);
        await().atMost(PATIENCE).until(() -> DatabaseTraces.find(database, text).getOrDefault("notifications", 0) == 3);

        // conversation recorded the first message as the contact's (the second one's event is still to come)
        MessageRecorded recorded = recorded(first, contact);
        RelayedEvents.publish(Topics.CONVERSATION_MESSAGES.name(), recorded.getConversationId().toString(), recorded,
                business.toString(), 2);
        await().atMost(PATIENCE).until(() -> TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM notifications WHERE contact_id = ?", Integer.class, contact)) == 1);

        DataErasureRequested request = erasure(business, "CONTACT", contact, null);
        publish(request, 1);

        await().atMost(PATIENCE).until(() -> answers(request.getRequestId()) == 1);
        assertThat(DatabaseTraces.find(database, first.getSenderExternalId())).isEmpty();
        assertThat(DatabaseTraces.find(database, text)).containsExactly(Map.entry("notifications", 1));
        assertThat(DatabaseTraces.find(database, someoneElse.getSenderExternalId()))
                .containsExactly(Map.entry("notifications", 1));
    }

    private static MessageRecorded recorded(InboundMessageReceived message, UUID contact) {
        EventMetadata meta = EventMetadata.startOfJourney(message.getBusinessId(), Instant.now());
        return MessageRecorded.newBuilder().setEventId(meta.eventId()).setOccurredAt(meta.occurredAt())
                .setBusinessId(message.getBusinessId()).setCorrelationId(meta.correlationId())
                .setConversationId(UUID.randomUUID()).setMessageId(UUID.randomUUID()).setContactId(contact)
                .setDirection("INBOUND").setAuthorType("CUSTOMER").setText(message.getText())
                .setExternalMessageId(message.getExternalMessageId()).setChannelId(UUID.randomUUID())
                .setChannelType(message.getChannelType()).setChannelExternalId(message.getChannelExternalId())
                .setSentAt(message.getSentAt()).build();
    }

    /** PrivacyTaskCompleted answers written for the request (the outbox keeps them for the relay). */
    private int answers(UUID requestId) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_type = 'PrivacyTaskCompleted' "
                + "AND aggregate_id = ?", Integer.class, requestId.toString());
    }

    private static DataErasureRequested erasure(UUID business, String scope, UUID contact, String metaUserId) {
        EventMetadata meta = EventMetadata.startOfJourney(business, Instant.now());
        return DataErasureRequested.newBuilder().setEventId(meta.eventId()).setOccurredAt(meta.occurredAt())
                .setBusinessId(business).setCorrelationId(meta.correlationId()).setRequestId(UUID.randomUUID())
                .setScope(scope).setContactId(contact).setMetaUserId(metaUserId).setSource("CONSOLE").build();
    }

    private static void publish(SpecificRecord request, int times) {
        String topic = Topics.IDENTITY_PRIVACY_REQUESTS.name();
        EventMetadata meta = EventMetadata.of(request);
        try (AvroKafkaSerializer<SpecificRecord> serializer =
                RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                        TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            byte[] value = UnansweredLookups.retried(() -> serializer.serialize(topic, request));
            for (int i = 0; i < times; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, meta.businessId().toString(), value);
                record.headers().add("eventId", meta.eventId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("businessId", meta.businessId().toString().getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the privacy request", e);
        }
    }
}
