package com.sellavie.notification;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * InboundMessageReceived records as ingest publishes them (relay headers, Confluent wire format
 * through the real registry), sent to the real broker as many times as a test wants.
 */
public final class InboundMessages {

    private static final String TOPIC = Topics.INGEST_INBOUND_MESSAGES.name();

    private InboundMessages() {
    }

    /** An Instagram DM to {@code businessId}'s account, with a fresh eventId and Meta message id. */
    public static InboundMessageReceived instagramDm(UUID businessId, String text) {
        return dm(businessId, "m_" + UUID.randomUUID(), text);
    }

    public static InboundMessageReceived dm(UUID businessId, String mid, String text) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, Instant.now());
        return InboundMessageReceived.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId())
                .setChannelType("INSTAGRAM")
                .setChannelExternalId("17841400000000001")
                .setSenderExternalId("igsid-" + businessId.toString().substring(0, 8))
                .setExternalMessageId(mid)
                .setText(text)
                .setSentAt(Instant.now())
                .build();
    }

    /** Publishes {@code message} (encoded once per call) with the relay's headers; waits for the broker's ack. */
    public static void publish(InboundMessageReceived message) {
        publish(message, message.getBusinessId().toString());
    }

    /** As {@link #publish(InboundMessageReceived)}, with {@code businessIdHeader} as the tenant header. */
    public static void publish(InboundMessageReceived message, String businessIdHeader) {
        // Key = the conversation's sender, so a test's records stay in one partition, in order.
        RelayedEvents.publish(TOPIC, message.getSenderExternalId(), message, businessIdHeader);
    }

    /** The broker and registry clients, started on the first publish only (unit tests build records too). */
}
