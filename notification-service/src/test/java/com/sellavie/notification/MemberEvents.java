package com.sellavie.notification;

import com.sellavie.events.identity.MemberJoined;
import com.sellavie.events.identity.MemberLeft;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.time.Instant;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** identity.members events as identity publishes them (relay headers, registry wire format). */
public final class MemberEvents {

    private static final String TOPIC = Topics.IDENTITY_MEMBERS.name();

    private MemberEvents() {
    }

    public static MemberJoined joined(UUID business, UUID user, String role) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now());
        return MemberJoined.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(business)
                .setCorrelationId(m.correlationId()).setUserId(user).setRole(role).build();
    }

    public static MemberLeft left(UUID business, UUID user, String previousRole) {
        EventMetadata m = EventMetadata.startOfJourney(business, Instant.now());
        return MemberLeft.newBuilder().setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(business)
                .setCorrelationId(m.correlationId()).setUserId(user).setPreviousRole(previousRole)
                .setReason("REMOVED").setRemovedByUserId(UUID.randomUUID()).build();
    }

    /** Publishes keyed by business with the relay's headers. */
    public static void publish(SpecificRecord event) {
        String business = EventMetadata.of(event).businessId().toString();
        RelayedEvents.publish(TOPIC, business, event, business);
    }
}
