package com.sellavie.notification.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.notification.InboundMessages;
import com.sellavie.notification.RelayedEvents;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** conversation.messages on the real broker: the customer's message names its preview's contact; the rest is counted only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class MessageContactsListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void theCustomersMessageNamesItsPreviewsContactAndTheReplyIsOnlyCounted() {
        // Given a DM's NEW_MESSAGE preview
        UUID business = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        InboundMessageReceived dm = InboundMessages.instagramDm(business, "Do you ship to Lagos?");
        InboundMessages.publish(dm);
        await().atMost(PATIENCE).until(() -> previews(business, null) == 1);
        double acknowledgedBefore = counted("acknowledged");

        // When conversation's events for the assistant's reply and for the DM arrive (one conversation, in order)
        UUID conversation = UUID.randomUUID();
        MessageRecorded reply = recorded(dm, conversation, contact, "OUTBOUND", "We do!", null);
        MessageRecorded inbound = recorded(dm, conversation, contact, "INBOUND", dm.getText(), dm.getExternalMessageId());
        RelayedEvents.publish(Topics.CONVERSATION_MESSAGES.name(), conversation.toString(), reply, business.toString());
        RelayedEvents.publish(Topics.CONVERSATION_MESSAGES.name(), conversation.toString(), inbound, business.toString());

        // Then the preview names the contact, applied once through the inbox
        await().atMost(PATIENCE).until(() -> previews(business, contact) == 1);
        assertThat(inboxRows(inbound.getEventId())).isEqualTo(1);
        // and the reply, which changes nothing here, was acknowledged without a transaction or an inbox row
        assertThat(counted("acknowledged")).isEqualTo(acknowledgedBefore + 1);
        assertThat(inboxRows(reply.getEventId())).isZero();
        assertThat(previews(business, null)).isZero();
    }

    private int previews(UUID business, UUID contact) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject("SELECT count(*) FROM notifications "
                + "WHERE kind = 'NEW_MESSAGE' AND contact_id IS NOT DISTINCT FROM ?", Integer.class, contact));
    }

    private int inboxRows(UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class, eventId);
    }

    private double counted(String outcome) {
        Counter counter = meters.find(MessageContactsListener.OUTCOMES).tag("type", "MessageRecorded")
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static MessageRecorded recorded(InboundMessageReceived dm, UUID conversation, UUID contact, String direction,
            String text, String externalMessageId) {
        EventMetadata meta = EventMetadata.startOfJourney(dm.getBusinessId(), Instant.now());
        return MessageRecorded.newBuilder().setEventId(meta.eventId()).setOccurredAt(meta.occurredAt())
                .setBusinessId(dm.getBusinessId()).setCorrelationId(meta.correlationId())
                .setConversationId(conversation).setMessageId(UUID.randomUUID()).setContactId(contact)
                .setDirection(direction).setAuthorType("INBOUND".equals(direction) ? "CUSTOMER" : "ASSISTANT")
                .setText(text).setExternalMessageId(externalMessageId).setChannelId(UUID.randomUUID())
                .setChannelType(dm.getChannelType()).setChannelExternalId(dm.getChannelExternalId())
                .setSentAt(dm.getSentAt()).build();
    }
}
