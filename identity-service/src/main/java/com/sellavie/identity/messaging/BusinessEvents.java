package com.sellavie.identity.messaging;

import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.events.identity.BusinessUpdated;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.util.UUID;

/** Builds the events of the {@code identity.businesses} topic. */
public final class BusinessEvents {

    private BusinessEvents() {
    }

    /** A sign-up starts a journey: the event's own id is its correlation id. */
    public static BusinessRegistered registered(UUID businessId, String name, UUID ownerUserId, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, at);
        return BusinessRegistered.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId())
                .setCausationId(null)
                .setName(name)
                .setOwnerUserId(ownerUserId)
                .build();
    }

    /** A profile edit is a member's action: it starts its own journey. Carries the whole profile. */
    public static BusinessUpdated updated(UUID businessId, Profile profile, UUID updatedBy, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, at);
        return BusinessUpdated.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId())
                .setCausationId(null)
                .setName(profile.name())
                .setTimeZone(profile.timeZone())
                .setLanguage(profile.language())
                .setCountry(profile.country())
                .setContactEmail(profile.contactEmail())
                .setLogoUrl(profile.logoUrl())
                .setUpdatedByUserId(updatedBy)
                .build();
    }

    /** The profile fields {@code BusinessUpdated} carries. */
    public record Profile(String name, String timeZone, String language, String country, String contactEmail,
            String logoUrl) {
    }
}
