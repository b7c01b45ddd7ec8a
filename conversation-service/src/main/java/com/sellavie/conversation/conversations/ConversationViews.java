package com.sellavie.conversation.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the read API. */
final class ConversationViews {

    private ConversationViews() {
    }

    record ConversationSummary(UUID id, ChannelRef channel, ContactRef contact, LastMessage lastMessage, String mode,
            Instant lastMessageAt) {
    }

    record ChannelRef(UUID id, String type, String name) {
    }

    /** @param username Instagram username, else null; pictureUrl Meta's profile picture link, else null */
    record ContactRef(UUID id, String externalId, String name, String username, String pictureUrl) {
    }

    record LastMessage(String text, String direction, Instant at) {
    }

    /**
     * @param authorType    CUSTOMER (inbound), AI (an assistant's reply, stored ASSISTANT), MEMBER (a team
     *                      member's reply) or SYSTEM (a text another service asked to send, e.g. a checkout
     *                      link); every outbound one has a delivery status
     * @param authorId      the member's user id for MEMBER messages, else null
     * @param failureReason why an outbound message is FAILED, UNKNOWN or EXPIRED (or why its last attempt
     *                      was refused while it waits PENDING); null otherwise
     * @param attempts      Send API calls made (outbound only)
     * @param resolution    RESENT or MARKED_DELIVERED when a team member acted on an UNKNOWN delivery
     * @param attachments   what the customer sent (image, audio, video, file, sticker, share, story_reply,
     *                      location...) or the outbound image link; empty when none
     * @param template      the WhatsApp template a member sent instead of text; null otherwise
     * @param reactions     the customer's reaction to this message, if any (empty when none)
     */
    record MessageView(UUID id, String direction, String authorType, String authorId, String text, Instant sentAt,
            String deliveryStatus, String failureReason, Integer attempts, String resolution,
            List<Attachment> attachments, TemplateView template, List<Reaction> reactions) {
    }

    /**
     * @param url     a link to it (Meta's short-lived CDN link, an outbound image); null for WhatsApp media,
     *                which has only an id
     * @param mediaId WhatsApp's media id; null otherwise
     * @param caption WhatsApp's caption or file name; for a location its name and address
     */
    record Attachment(String type, String url, @JsonInclude(JsonInclude.Include.NON_NULL) String mediaId,
            @JsonInclude(JsonInclude.Include.NON_NULL) String caption,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double latitude,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double longitude) {

        Attachment(String type, String url) {
            this(type, url, null, null, null, null);
        }
    }

    /** @param by CUSTOMER (the only party whose reactions Meta reports) */
    record Reaction(String emoji, String by, Instant at) {
    }

    record TemplateView(String name, String language, List<String> parameters) {
    }
}
