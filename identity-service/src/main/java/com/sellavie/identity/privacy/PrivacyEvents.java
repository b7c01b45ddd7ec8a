package com.sellavie.identity.privacy;

import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;

/** Builds the events of {@code identity.privacy-requests}; each (re)publication starts its own journey. */
final class PrivacyEvents {

    private PrivacyEvents() {
    }

    static DataExportRequested exportRequested(PrivacyRequest request, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(request.businessId(), at);
        return DataExportRequested.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(metadata.occurredAt()).setBusinessId(request.businessId())
                .setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setRequestId(request.id()).setScope(request.scope().name()).setContactId(request.contactId())
                .setRequestedByUserId(request.requestedBy())
                .build();
    }

    static DataErasureRequested erasureRequested(PrivacyRequest request, Instant at) {
        EventMetadata metadata = EventMetadata.startOfJourney(request.businessId(), at);
        return DataErasureRequested.newBuilder()
                .setEventId(metadata.eventId()).setOccurredAt(metadata.occurredAt()).setBusinessId(request.businessId())
                .setCorrelationId(metadata.correlationId()).setCausationId(null)
                .setRequestId(request.id()).setScope(request.scope().name()).setContactId(request.contactId())
                .setMetaUserId(request.metaUserId()).setSource(request.source().name())
                .setRequestedByUserId(request.requestedBy())
                .build();
    }
}
