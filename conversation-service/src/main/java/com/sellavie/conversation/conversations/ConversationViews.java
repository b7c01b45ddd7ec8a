package com.sellavie.conversation.conversations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of the read API. */
final class ConversationViews {

    private ConversationViews() {
    }

    /**
     * @param mode           BOT (the assistant answers), HUMAN (a person does) or CLOSED
     * @param assigneeId     the member (user id) it is assigned to; null when unassigned
     * @param labels         lower-case labels
     * @param unread         customer messages since the team last read it
     * @param windowClosesAt the customer's last message + 24 h (Meta's standard messaging window); null
     *                       when the customer never wrote
     */
    record ConversationSummary(UUID id, ChannelRef channel, ContactRef contact, LastMessage lastMessage, String mode,
            Instant lastMessageAt, UUID assigneeId, List<String> labels, int unread, Instant windowClosesAt,
            boolean sandbox) {
    }

    record ChannelRef(UUID id, String type, String name) {
    }

    /** @param username Instagram username, else null; pictureUrl Meta's profile picture link, else null */
    record ContactRef(UUID id, String externalId, String name, String username, String pictureUrl) {
    }

    /** @param kind MESSAGE or COMMENT (the inbox says "commented on a post") */
    record LastMessage(String text, String direction, Instant at, String kind) {
    }

    /**
     * @param direction      INBOUND, OUTBOUND or INTERNAL (a team member's note, never sent)
     * @param authorType     CUSTOMER (inbound), AI (the assistant's reply, stored ASSISTANT), MEMBER (a team
     *                       member's reply or note) or SYSTEM (a text another service asked to send, e.g. a
     *                       checkout link)
     * @param authorId       the member's user id for MEMBER messages, else null
     * @param deliveryStatus outbound only (PENDING, ATTEMPTING, SENT, DELIVERED, READ, FAILED, UNKNOWN, EXPIRED); null for
     *                       INBOUND and INTERNAL
     * @param failureReason  why an outbound message is FAILED (e.g. HANDED_OFF: an assistant reply withheld
     *                       because a person had the conversation; OUTSIDE_MESSAGING_WINDOW), UNKNOWN or EXPIRED
     *                       (or why its last attempt was refused while it waits PENDING); null otherwise
     * @param attempts       Send API calls made (outbound only)
     * @param resolution     RESENT or MARKED_DELIVERED when a team member acted on an UNKNOWN delivery
     * @param attachments    the outbound image link, if any; empty when none
     * @param template       the WhatsApp template a member sent instead of text; null otherwise
     * @param reactions      the customer's reaction to this message, if any (empty when none)
     * @param kind           MESSAGE (a direct message) or COMMENT (the customer's public comment on a post)
     * @param comment        for a COMMENT: Meta's comment id, the post and the comment it answers; else absent
     * @param privateReplyTo for the private reply to a comment: that comment's id; else absent
     * @param answeredBy     for an AI reply: the provider and model that wrote it; absent otherwise (and for
     *                       replies recorded before it was kept)
     */
    record MessageView(UUID id, String direction, String authorType, UUID authorId, String text, Instant sentAt,
            String deliveryStatus, String failureReason, Integer attempts, String resolution,
            List<Attachment> attachments, TemplateView template, List<Reaction> reactions, String kind,
            @JsonInclude(JsonInclude.Include.NON_NULL) CommentRef comment,
            @JsonInclude(JsonInclude.Include.NON_NULL) String privateReplyTo,
            @JsonInclude(JsonInclude.Include.NON_NULL) AnsweredByView answeredBy) {
    }

    /**
     * @param provider openai, anthropic, groq, ollama, ... or offline
     * @param model    the provider's model; null for the offline assistant
     * @param offline  the built-in offline assistant wrote it
     */
    record AnsweredByView(String provider, String model, boolean offline) {
    }

    /** @param postId the post or media commented on; parentId the comment answered in a thread (null: top level) */
    record CommentRef(String id, String postId, String parentId) {
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
