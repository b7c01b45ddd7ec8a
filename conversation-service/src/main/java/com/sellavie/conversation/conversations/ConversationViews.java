package com.sellavie.conversation.conversations;

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

    record ContactRef(UUID id, String externalId, String name) {
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
     * @param attachments   the outbound image link, if any; empty when none
     * @param template      the WhatsApp template a member sent instead of text; null otherwise
     */
    record MessageView(UUID id, String direction, String authorType, String authorId, String text, Instant sentAt,
            String deliveryStatus, String failureReason, Integer attempts, String resolution,
            List<Attachment> attachments, TemplateView template) {
    }

    record Attachment(String type, String url) {
    }

    record TemplateView(String name, String language, List<String> parameters) {
    }
}
