package com.sellavie.conversation.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * An OUTBOUND message about to be recorded, whatever its status.
 *
 * @param sourceEventId the event that asked for it: recorded once per event
 * @param queuedAt      its time in the conversation (and the conversation's new activity time)
 * @param answeredBy    the provider and model that wrote an AI reply; null for other messages
 */
public record OutboundDraft(UUID businessId, UUID conversationId, String authorType, String text, UUID sourceEventId,
        String correlationId, Instant queuedAt, AnsweredBy answeredBy) {
}
