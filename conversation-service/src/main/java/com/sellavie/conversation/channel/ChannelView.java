package com.sellavie.conversation.channel;

import java.time.Instant;
import java.util.UUID;

/** A channel as the API shows it: the token only masked. */
record ChannelView(UUID id, String type, String externalId, String name, String accessToken, String status,
        Instant createdAt) {

    static ChannelView of(Channel channel) {
        return new ChannelView(channel.id(), channel.type(), channel.externalId(), channel.name(),
                channel.tokenHint(), channel.status(), channel.createdAt());
    }
}
