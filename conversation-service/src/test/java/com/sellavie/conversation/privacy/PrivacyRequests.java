package com.sellavie.conversation.privacy;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** identity's side of a privacy request, as this service sees it: the request events, the answers, the export call. */
final class PrivacyRequests {

    private static final String TOPIC = Topics.IDENTITY_PRIVACY_REQUESTS.name();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PrivacyRequests() {
    }

    static DataErasureRequested erasure(UUID business, String scope, UUID contactId, String metaUserId) {
        EventMetadata meta = EventMetadata.startOfJourney(business, Instant.now());
        return DataErasureRequested.newBuilder().setEventId(meta.eventId()).setOccurredAt(meta.occurredAt())
                .setBusinessId(business).setCorrelationId(meta.correlationId()).setRequestId(UUID.randomUUID())
                .setScope(scope).setContactId(contactId).setMetaUserId(metaUserId)
                .setSource(metaUserId == null ? "CONSOLE" : "META_DATA_DELETION").build();
    }

    static DataErasureRequested contactErasure(UUID business, UUID contactId) {
        return erasure(business, "CONTACT", contactId, null);
    }

    static DataExportRequested contactExport(UUID business, UUID contactId) {
        EventMetadata meta = EventMetadata.startOfJourney(business, Instant.now());
        return DataExportRequested.newBuilder().setEventId(meta.eventId()).setOccurredAt(meta.occurredAt())
                .setBusinessId(business).setCorrelationId(meta.correlationId()).setRequestId(UUID.randomUUID())
                .setScope("CONTACT").setContactId(contactId).setRequestedByUserId(UUID.randomUUID()).build();
    }

    /** The same request as a new event (identity asking again). */
    static DataErasureRequested askedAgain(DataErasureRequested request) {
        return DataErasureRequested.newBuilder(request).setEventId(EventMetadata.newEventId()).build();
    }

    static void publish(SpecificRecord request) {
        EventMetadata meta = EventMetadata.of((org.apache.avro.generic.IndexedRecord) request);
        String key = meta.businessId().toString();
        KafkaEvents.publish(TOPIC, key, KafkaEvents.encode(TOPIC, request), meta.eventId().toString(), key);
    }

    static List<PrivacyTaskCompleted> answers(UUID requestId, int atLeast, Duration within) {
        return KafkaEvents.await(Topics.PRIVACY_TASK_RESULTS.name(), PrivacyTaskCompleted.class,
                a -> a.getRequestId().equals(requestId), l -> l.size() >= atLeast, within)
                .stream().map(r -> r.value()).toList();
    }

    static PrivacyTaskCompleted answer(UUID requestId) {
        return answers(requestId, 1, Duration.ofSeconds(30)).getFirst();
    }

    /** {@code GET /internal/privacy/exports/{id}} with identity's service token. */
    static Api.Response exportPart(int port, UUID requestId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/internal/privacy/exports/" + requestId)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Api.Response exportPart(int port, UUID requestId) {
        return exportPart(port, requestId, ConversationTestInfrastructure.SERVICE_TOKEN);
    }
}
