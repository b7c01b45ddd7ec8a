package com.sellavie.platform.inbox;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.tenancy.TenantHeaders;
import com.sellavie.platform.testservice.ConsumerServiceTest;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestListeners;
import com.sellavie.platform.testservice.TestRecords;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@ConsumerServiceTest
class InboxIntegrationTest {

    @Autowired
    TestListeners listeners;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void sameRecordPublishedTwiceHasOneEffect() {
        // Given one event, encoded once
        InboundMessageReceived event = TestEvents.inboundMessage(BUSINESS_A, "twice-" + UUID.randomUUID());
        byte[] bytes = TestRecords.encode(TestListeners.INBOX_TOPIC, event);

        // When the broker receives it twice (a relay retry, a replay)
        for (int i = 0; i < 2; i++) {
            TestRecords.publish(TestListeners.INBOX_TOPIC, "conversation-1", bytes,
                    "eventId", event.getEventId().toString(), TenantHeaders.BUSINESS_ID, BUSINESS_A.toString());
        }

        // Then the listener saw both deliveries, and applied one
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(event.getEventId()) == 2);
        assertThat(effects(event.getEventId())).isEqualTo(1);
        assertThat(inboxEntries(TestListeners.INBOX_GROUP, event.getEventId())).isEqualTo(1);
    }

    @Test
    void eventIdComesFromThePayloadWhenTheHeaderIsMissing() {
        InboundMessageReceived event = TestEvents.inboundMessage(BUSINESS_A, "no-header-" + UUID.randomUUID());
        byte[] bytes = TestRecords.encode(TestListeners.INBOX_TOPIC, event);

        TestRecords.publish(TestListeners.INBOX_TOPIC, "conversation-2", bytes,
                TenantHeaders.BUSINESS_ID, BUSINESS_A.toString());
        TestRecords.publish(TestListeners.INBOX_TOPIC, "conversation-2", bytes,
                TenantHeaders.BUSINESS_ID, BUSINESS_A.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(event.getEventId()) == 2);
        assertThat(effects(event.getEventId())).isEqualTo(1);
    }

    @Test
    void firstDeliveryOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> inbox.firstDelivery("any-group", UUID.randomUUID()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void eachConsumerGroupAppliesAnEventOnce() {
        UUID eventId = UUID.randomUUID();

        boolean first = Boolean.TRUE.equals(transaction.execute(s -> inbox.firstDelivery("group-a", eventId)));
        boolean again = Boolean.TRUE.equals(transaction.execute(s -> inbox.firstDelivery("group-a", eventId)));
        boolean otherGroup = Boolean.TRUE.equals(transaction.execute(s -> inbox.firstDelivery("group-b", eventId)));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(otherGroup).isTrue();
    }

    @Test
    void rolledBackEffectLeavesTheEventUnapplied() {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            inbox.firstDelivery("group-rollback", eventId);
            throw new IllegalStateException("the effect failed");
        })).isInstanceOf(IllegalStateException.class);

        Boolean applied = transaction.execute(s -> inbox.firstDelivery("group-rollback", eventId));
        assertThat(applied).isTrue();
    }

    private int deliveries(UUID eventId) {
        AtomicInteger count = listeners.inboxDeliveries.get(eventId);
        return count == null ? 0 : count.get();
    }

    private int effects(UUID eventId) {
        return TenantContext.callAs(BUSINESS_A, () -> jdbc.queryForObject(
                "SELECT count(*) FROM deliveries WHERE event_id = ?", Integer.class, eventId));
    }

    private int inboxEntries(String group, UUID eventId) {
        return jdbc.queryForObject("SELECT count(*) FROM inbox WHERE consumer_group = ? AND event_id = ?",
                Integer.class, group, eventId);
    }
}
