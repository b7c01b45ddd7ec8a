package com.sellavie.conversation.messaging;

import java.util.UUID;

/** A conversation with the identifiers a sender needs. */
public record Conversation(UUID id, UUID businessId, UUID channelId, UUID contactId, String contactExternalId,
        String mode) {

    public static final String BOT = "BOT";

    public boolean inBotMode() {
        return BOT.equals(mode);
    }
}
