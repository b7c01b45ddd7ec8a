package com.sellavie.conversation.attention;

import java.time.Instant;
import java.util.UUID;

/**
 * One outbound message that needs the team, with where to find it.
 *
 * @param authorType ASSISTANT (an AI reply) or SYSTEM (a text another service asked to send, e.g. a
 *                   checkout link): the team handles both the same way
 */
record AttentionMessage(UUID id, UUID conversationId, Contact contact, String authorType, String text,
        String deliveryStatus, String failureReason, Instant sentAt, Instant updatedAt) {

    record Contact(UUID id, String externalId, String name) {
    }
}
