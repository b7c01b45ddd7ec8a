package com.sellavie.notification.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.notification.InboundMessages;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class InboundMessageListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sameRecordPublishedTwiceRecordsOneNotification() {
        // Given one customer DM to a business
        UUID business = UUID.randomUUID();
        InboundMessageReceived dm = InboundMessages.instagramDm(business, "Is the linen shirt available?");

        // When the broker delivers it twice (a relay retry), then a later message of the same conversation
        InboundMessages.publish(dm);
        InboundMessages.publish(dm);
        InboundMessageReceived later = InboundMessages.instagramDm(business, "hello?");
        InboundMessages.publish(later);

        // Then, once the later one is handled (same partition: both copies were handled before it), one notification
        awaitNotification(business, later);
        assertThat(notificationsAbout(business, dm)).isEqualTo(1);
        assertThat(inboxEntries(dm.getEventId())).isEqualTo(1);
        assertThat(bodyOf(business, dm)).isEqualTo("Is the linen shirt available?");
    }

    @Test
    void sameMessageRepublishedUnderANewEventIdRecordsOneNotification() {
        // Given a DM, and the same Meta message published again as a new event (Meta redelivered the webhook)
        UUID business = UUID.randomUUID();
        InboundMessageReceived dm = InboundMessages.instagramDm(business, "Do you ship to Lagos?");
        InboundMessageReceived again = InboundMessageReceived.newBuilder(dm)
                .setEventId(EventMetadata.newEventId()).build();

        // When both arrive
        InboundMessages.publish(dm);
        InboundMessages.publish(again);
        InboundMessageReceived later = InboundMessages.instagramDm(business, "thanks");
        InboundMessages.publish(later);

        // Then the inbox applied both events, and the feed still has one notification for that message
        awaitNotification(business, later);
        assertThat(inboxEntries(again.getEventId())).isEqualTo(1);
        assertThat(notificationsAbout(business, dm)).isEqualTo(1);
    }

    @Test
    void recordWhoseTenantHeaderNamesAnotherBusinessIsRefusedAndDeadLettered() {
        // Given a DM to business A whose businessId header names business B
        UUID businessA = UUID.randomUUID();
        UUID businessB = UUID.randomUUID();
        InboundMessageReceived dm = InboundMessages.instagramDm(businessA, "mislabelled");

        // When it is delivered, followed by a correct message of the same conversation
        InboundMessages.publish(dm, businessB.toString());
        InboundMessageReceived later = InboundMessages.instagramDm(businessA, "correct");
        InboundMessages.publish(later);

        // Then nothing was recorded for either business, no inbox entry, and the record is in the DLT
        awaitNotification(businessA, later);
        assertThat(notificationsAbout(businessA, dm)).isZero();
        assertThat(notificationsAbout(businessB, dm)).isZero();
        assertThat(inboxEntries(dm.getEventId())).isZero();
        assertThat(deadLetterEventIds()).contains(dm.getEventId().toString());
    }

    @Test
    void aMembersSandboxMessageAlertsNobody() {
        // Given a member trying the assistant ("Try your assistant"), then a customer DM behind it
        UUID business = UUID.randomUUID();
        InboundMessageReceived sandbox = InboundMessageReceived.newBuilder(
                        InboundMessages.instagramDm(business, "testing the assistant"))
                .setChannelType("SANDBOX").setChannelExternalId("sandbox-" + business).build();
        InboundMessages.publish(sandbox);
        InboundMessageReceived later = InboundMessages.instagramDm(business, "a real customer");
        InboundMessages.publish(later);

        // Then, once both are handled, only the customer's message is a notification
        awaitNotification(business, later);
        await().atMost(PATIENCE).until(() -> inboxEntries(sandbox.getEventId()) == 1);
        assertThat(notificationsAbout(business, sandbox)).isZero();
    }

    private void awaitNotification(UUID business, InboundMessageReceived message) {
        await().atMost(PATIENCE).until(() -> notificationsAbout(business, message) == 1);
    }

    private int notificationsAbout(UUID business, InboundMessageReceived message) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM notifications WHERE kind = 'NEW_MESSAGE' AND reference = ?",
                Integer.class, NewMessageNotifications.reference(message)));
    }

    private String bodyOf(UUID business, InboundMessageReceived message) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT body FROM notifications WHERE reference = ?", String.class,
                NewMessageNotifications.reference(message)));
    }

    private int inboxEntries(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class, eventId);
    }

    /** The eventId headers of every record now on the inbound topic's dead-letter topic. */
    private static List<String> deadLetterEventIds() {
        String dlt = Topics.INGEST_INBOUND_MESSAGES.deadLetterTopic();
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "enable.auto.commit", false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            await().atMost(PATIENCE).until(() -> !consumer.partitionsFor(dlt).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(dlt).stream()
                    .map(p -> new TopicPartition(dlt, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header header = record.headers().lastHeader("eventId");
                    if (header != null) {
                        ids.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return ids;
    }
}
