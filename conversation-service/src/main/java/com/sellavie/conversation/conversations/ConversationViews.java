package com.sellavie.conversation.conversations;

import java.time.Instant;
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

    record MessageView(UUID id, String direction, String authorType, String text, Instant sentAt,
            String deliveryStatus) {
    }
}
