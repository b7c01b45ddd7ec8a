package com.sellavie.conversation.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel as the API shows it: the token only masked. {@code phoneNumberId} repeats a WhatsApp
 * channel's externalId; identifiers that do not apply to the type are null.
 */
record ChannelView(UUID id, String type, String externalId, String name, String accessToken, String status,
        Instant createdAt, String pageId, String phoneNumberId, String wabaId, String displayPhoneNumber) {

    static ChannelView of(Channel channel) {
        return new ChannelView(channel.id(), channel.type(), channel.externalId(), channel.name(),
                channel.tokenHint(), channel.status(), channel.createdAt(), channel.pageId(),
                "WHATSAPP".equals(channel.type()) ? channel.externalId() : null, channel.wabaId(),
                channel.displayPhoneNumber());
    }
}
