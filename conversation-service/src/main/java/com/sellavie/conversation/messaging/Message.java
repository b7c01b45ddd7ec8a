package com.sellavie.conversation.messaging;

import java.time.Instant;
import java.util.UUID;

/** One message of a conversation. */
public record Message(UUID id, UUID businessId, UUID conversationId, String direction, String authorType,
        String text, String externalMessageId, Instant sentAt, String deliveryStatus, int attempts) {

    public static final String INBOUND = "INBOUND";
    public static final String OUTBOUND = "OUTBOUND";

    /** Delivery states: RECEIVED (inbound); PENDING, SENT, FAILED, UNKNOWN (outbound). */
    public static final String RECEIVED = "RECEIVED";
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String UNKNOWN = "UNKNOWN";
}
