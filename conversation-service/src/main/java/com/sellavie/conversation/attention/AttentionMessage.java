package com.sellavie.conversation.attention;

import java.time.Instant;
import java.util.UUID;

/** One outbound message that needs the team, with where to find it. */
record AttentionMessage(UUID id, UUID conversationId, Contact contact, String text, String deliveryStatus,
        String failureReason, Instant sentAt, Instant updatedAt) {

    record Contact(UUID id, String externalId, String name) {
    }
}
