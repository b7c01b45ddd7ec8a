package com.sellavie.notification;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

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
        RelayedEvents.publish(TOPIC, channel.toString(), event, businessIdHeader);
    }
}
