package com.sellavie.conversation.messaging;

import java.time.Instant;
import java.util.UUID;

/** One message of a conversation. */
public record Message(UUID id, UUID businessId, UUID conversationId, String direction, String authorType,
        String text, String externalMessageId, Instant sentAt, String deliveryStatus, int attempts) {

    public static final String INBOUND = "INBOUND";
    public static final String OUTBOUND = "OUTBOUND";

    /**
     * Who wrote it: CUSTOMER (inbound), ASSISTANT (an AI reply), SYSTEM (a text another service asked
     * to send, e.g. commerce's checkout link or receipt), MEMBER (a team member's reply).
     */
    public static final String CUSTOMER = "CUSTOMER";
    public static final String ASSISTANT = "ASSISTANT";
    public static final String SYSTEM = "SYSTEM";
    public static final String MEMBER = "MEMBER";

    /**
     * Delivery states: RECEIVED (inbound); outbound PENDING and ATTEMPTING (open: a send is queued or in
     * flight), then SENT, FAILED, UNKNOWN (maybe sent) or EXPIRED (a replayed reply too old to send).
     */
    public static final String RECEIVED = "RECEIVED";
    public static final String PENDING = "PENDING";
    public static final String ATTEMPTING = "ATTEMPTING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String UNKNOWN = "UNKNOWN";
    public static final String EXPIRED = "EXPIRED";
}
