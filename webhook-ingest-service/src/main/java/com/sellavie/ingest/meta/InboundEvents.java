package com.sellavie.ingest.meta;

import com.sellavie.events.ingest.InboundAttachment;
import com.sellavie.events.ingest.InboundComment;
import com.sellavie.events.ingest.InboundInteractiveReply;
import com.sellavie.events.ingest.InboundLocation;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.InboundReaction;
import com.sellavie.events.ingest.InboundStoryReply;
import com.sellavie.events.ingest.MessageStatusChanged;
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
                .setAttachments(content(message).attachments().stream()
                        .map(a -> new InboundAttachment(a.type(), a.url(), a.mediaId(), a.caption())).toList())
                .setReplyToStory(content(message).storyReply() == null ? null
                        : new InboundStoryReply(content(message).storyReply().id(), content(message).storyReply().url()))
                .setInteractive(content(message).interactive() == null ? null
                        : new InboundInteractiveReply(content(message).interactive().kind(),
                                content(message).interactive().id(), content(message).interactive().title()))
                .setLocation(content(message).location() == null ? null
                        : new InboundLocation(content(message).location().latitude(),
                                content(message).location().longitude(), content(message).location().name(),
                                content(message).location().address()))
                .setReaction(content(message).reaction() == null ? null
                        : new InboundReaction(content(message).reaction().action(), content(message).reaction().emoji(),
                                content(message).reaction().targetMessageId()))
                .setComment(content(message).comment() == null ? null
                        : new InboundComment(content(message).comment().commentId(),
                                content(message).comment().postId(), content(message).comment().parentId(),
                                content(message).comment().mediaProductType()))
                .build();
    }

    private static MetaContent content(MetaMessage message) {
        return message.content() == null ? MetaContent.NONE : message.content();
    }

    /** A status of the business's messages, routed like the conversation's messages. */
    static MessageStatusChanged statusChanged(MetaStatus status, ChannelRoute route, Instant now) {
        EventMetadata metadata = EventMetadata.startOfJourney(route.businessId(), now);
        return MessageStatusChanged.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(metadata.businessId())
                .setCorrelationId(metadata.correlationId())
                .setCausationId(null)
                .setChannelType(status.channelType())
                .setChannelExternalId(route.externalId())
                .setRecipientExternalId(status.recipientExternalId())
                .setStatus(status.status())
                .setExternalMessageIds(status.externalMessageIds())
                .setWatermark(status.watermark())
                .setStatusAt(status.statusAt())
                .setErrorCode(status.errorCode())
                .setErrorTitle(status.errorTitle())
                .build();
    }

    /** Kafka key of a status: the conversation key, so one conversation's statuses stay in order. */
    static String conversationKey(MessageStatusChanged event) {
        return event.getChannelExternalId() + ":" + event.getRecipientExternalId();
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
