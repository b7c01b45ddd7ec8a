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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** conversation.messages on the real broker: the customer's message names its preview's contact; the rest is counted only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class MessageContactsListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

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

    @Test
    void namingAPreviewsContactReadsOneEntryHoweverManyPreviewsTheBusinessHas() {
        // Given a business whose 4,000 previews were named as this listener names them (each row's older version
        // still in the table until VACUUM), and one preview still waiting for its contact
        UUID business = UUID.randomUUID();
        TenantContext.runAs(business, () -> {
            jdbc.update("""
                    INSERT INTO notifications (id, business_id, kind, title, body, reference, external_message_id)
                    SELECT gen_random_uuid(), ?, 'NEW_MESSAGE', 'New Instagram message', 'Hi',
                           'INSTAGRAM/17841400000000000/' || (1000 + i % 50) || '/mid-' || i, 'mid-' || i
                      FROM generate_series(1, 4000) i
                    """, business);
            jdbc.update("UPDATE notifications SET contact_id = gen_random_uuid() WHERE business_id = ?", business);
            jdbc.update("INSERT INTO notifications (id, business_id, kind, title, body, reference, external_message_id) "
                    + "VALUES (gen_random_uuid(), ?, 'NEW_MESSAGE', 'New Instagram message', 'Hi', ?, ?)", business,
                    "INSTAGRAM/17841400000000000/1007/m_ig/with+slash==", "m_ig/with+slash==");
        });

        // When its contact is named (the listener's own statement, run under EXPLAIN ANALYZE)
        UUID contact = UUID.randomUUID();
        String plan = TenantContext.callAs(business, () -> String.join("\n", jdbcClient
                .sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + MessageContactsListener.ATTRIBUTE_PREVIEW)
                .param("contact", contact).param("business", business).param("mid", "m_ig/with+slash==")
                .param("prefix", "INSTAGRAM/17841400000000000/")
                .query(String.class).list()));

        // Then it is named, its row found by reading a few pages: not the 4,000 named previews nor their older
        // versions. (The statement's own total adds the new row version and its index entries, which an index
        // page split now and then makes larger: the finding is what this test is about.)
        assertThat(previews(business, contact)).isEqualTo(1);
        assertThat(plan).contains("notifications_unattributed_previews").doesNotContain("Seq Scan");
        Matcher finding = Pattern.compile("Index Scan using notifications_unattributed_previews[\\s\\S]*?"
                + "Buffers: shared hit=(\\d+)").matcher(plan);
        assertThat(finding.find()).as(plan).isTrue();
        assertThat(Integer.parseInt(finding.group(1))).as(plan).isLessThan(10);
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
