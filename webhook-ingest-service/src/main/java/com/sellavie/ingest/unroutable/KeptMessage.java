package com.sellavie.ingest.unroutable;

import java.time.Instant;
import java.util.UUID;

/**
 * One kept unroutable DM.
 *
 * @param document the verified Meta JSON of this one message, shaped as a one-message webhook
 */
public record KeptMessage(UUID id, String channelType, String recipientId, String displayPhoneNumber,
        String accountId, String externalMessageId, String document, Instant receivedAt) {

    @Override
    public String toString() {
        // Personal data: a log line or exception naming a kept message shows its identifiers only.
        return "KeptMessage[id=" + id + ", channelType=" + channelType + ", recipientId=" + recipientId + "]";
    }
}
