package com.sellavie.conversation.channel;

import java.time.Instant;
import java.util.UUID;

/** A connected channel as stored, without its token. */
public record Channel(UUID id, UUID businessId, String type, String externalId, String name, String tokenHint,
        String status, Instant createdAt) {

    public static final String CONNECTED = "CONNECTED";
}
