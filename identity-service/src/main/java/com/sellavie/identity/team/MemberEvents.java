package com.sellavie.identity.team;

import com.sellavie.events.identity.MemberJoined;
import com.sellavie.events.identity.MemberLeft;
import com.sellavie.events.identity.MemberRoleChanged;
import com.sellavie.platform.tenancy.SellavieClaims.Role;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.util.UUID;

/** Builds the events of {@code identity.members}; each starts its own journey (a person's action). */
final class MemberEvents {

    /** Why a membership ended ({@code MemberLeft.reason}). */
    enum LeftReason { REMOVED, LEFT }

    private MemberEvents() {
    }

    static MemberJoined joined(UUID businessId, UUID userId, Role role, UUID invitedBy, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, at);
        return MemberJoined.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(metadata.occurredAt()).setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setUserId(userId).setRole(role.name()).setInvitedByUserId(invitedBy)
                .build();
    }

    static MemberRoleChanged roleChanged(UUID businessId, UUID userId, Role role, Role previous, UUID by, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, at);
        return MemberRoleChanged.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(metadata.occurredAt()).setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setUserId(userId).setRole(role.name()).setPreviousRole(previous.name()).setChangedByUserId(by)
                .build();
    }

    static MemberLeft left(UUID businessId, UUID userId, Role previous, LeftReason reason, UUID by, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, at);
        return MemberLeft.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(metadata.occurredAt()).setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setUserId(userId).setPreviousRole(previous.name()).setReason(reason.name()).setRemovedByUserId(by)
                .build();
    }
}
