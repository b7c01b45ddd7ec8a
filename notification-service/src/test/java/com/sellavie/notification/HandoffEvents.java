package com.sellavie.notification;

import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

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
        RelayedEvents.publish(TOPIC, conversation.toString(), event, EventMetadata.of(event).businessId().toString(), times);
    }
}
