package com.sellavie.ingest.sandbox;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.schemas.EventMetadata;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a member's sandbox message exactly as a routed DM would be: the tenant is the member's own
 * business (from the token), so there is nothing to route. Each member has their own sandbox contact,
 * hence their own test conversation on the business's one SANDBOX channel.
 */
@Service
class SandboxMessages {

    static final String CHANNEL_TYPE = "SANDBOX";
    static final String SENDER_NAME = "You (sandbox)";

    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    SandboxMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The business's one sandbox channel id, stable so conversation-service finds the same channel every time. */
    static String channelExternalId(UUID businessId) {
        return "sandbox-" + businessId;
    }

    /** The member as the sandbox's "customer". */
    static String senderExternalId(UUID userId) {
        return "member-" + userId;
    }

    @Transactional
    InboundMessageReceived publish(UUID businessId, UUID userId, String text) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, now);
        InboundMessageReceived event = InboundMessageReceived.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(metadata.businessId())
                .setCorrelationId(metadata.correlationId())
                .setCausationId(null)
                .setChannelType(CHANNEL_TYPE)
                .setChannelExternalId(channelExternalId(businessId))
                .setSenderExternalId(senderExternalId(userId))
                .setExternalMessageId("sandbox-" + UUID.randomUUID())
                .setText(text)
                .setSentAt(now)
                .setSenderName(SENDER_NAME)
                .build();
        // Same key as a DM's (channel:sender): one member's sandbox messages stay in order.
        outbox.publish(event, event.getChannelExternalId() + ":" + event.getSenderExternalId());
        return event;
    }
}
