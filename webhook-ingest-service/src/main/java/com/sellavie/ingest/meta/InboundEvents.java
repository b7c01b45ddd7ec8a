package com.sellavie.ingest.meta;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.UnroutableWebhook;
import com.sellavie.events.ingest.UnroutableWebhookIdentifier;
import com.sellavie.ingest.routing.ChannelRoute;
import com.sellavie.schemas.EventMetadata;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Maps what a webhook said to the Avro events ingest publishes. */
final class InboundEvents {

    static final String SOURCE_META = "META";

    private InboundEvents() {
    }

    /** The first event of a journey: a new correlation id, the routed tenant. */
    static InboundMessageReceived received(MetaMessage message, ChannelRoute route, Instant now) {
        EventMetadata metadata = EventMetadata.startOfJourney(route.businessId(), now);
        return InboundMessageReceived.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(metadata.businessId())
                .setCorrelationId(metadata.correlationId())
                .setCausationId(null)
                .setChannelType(message.channelType())
                .setChannelExternalId(route.externalId())
                .setSenderExternalId(message.senderExternalId())
                .setExternalMessageId(message.externalMessageId())
                .setText(message.text())
                .setSentAt(message.sentAt())
                .setSenderName(message.senderName())
                .build();
    }

    /** Kafka key of an inbound message: one conversation's messages stay in order. */
    static String conversationKey(InboundMessageReceived event) {
        return event.getChannelExternalId() + ":" + event.getSenderExternalId();
    }

    /** Identifiers and a fingerprint of the body only: never the body itself. */
    static UnroutableWebhook unroutable(String reason, String objectType, List<Map.Entry<String, String>> identifiers,
            byte[] body, Instant now) {
        EventMetadata metadata = EventMetadata.startOfJourney(EventMetadata.NO_BUSINESS, now);
        return UnroutableWebhook.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(metadata.businessId())
                .setCorrelationId(metadata.correlationId())
                .setCausationId(null)
                .setSource(SOURCE_META)
                .setReason(reason)
                .setObjectType(objectType)
                .setIdentifiers(identifiers.stream().distinct()
                        .map(id -> new UnroutableWebhookIdentifier(id.getKey(), id.getValue())).toList())
                .setPayloadSizeBytes(body.length)
                .setPayloadSha256(sha256Hex(body))
                .build();
    }

    static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
