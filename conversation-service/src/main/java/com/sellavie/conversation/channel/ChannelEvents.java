package com.sellavie.conversation.channel;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;

/** A channel's lifecycle as the Avro records on {@code conversation.channels}: identifiers only, never a token. */
final class ChannelEvents {

    private ChannelEvents() {
    }

    static ChannelConnected connected(Channel channel, Instant at) {
        EventMetadata meta = EventMetadata.startOfJourney(channel.businessId(), at);
        return ChannelConnected.newBuilder()
                .setEventId(meta.eventId()).setOccurredAt(at).setBusinessId(channel.businessId())
                .setCorrelationId(meta.correlationId()).setCausationId(null)
                .setChannelId(channel.id()).setChannelType(channel.type()).setExternalId(channel.externalId())
                .setName(channel.name()).setPageId(channel.pageId())
                .setWhatsappBusinessAccountId(channel.wabaId()).setDisplayPhoneNumber(channel.displayPhoneNumber())
                .build();
    }

    static ChannelDisconnected disconnected(Channel channel, String reason, Instant at) {
        EventMetadata meta = EventMetadata.startOfJourney(channel.businessId(), at);
        return ChannelDisconnected.newBuilder()
                .setEventId(meta.eventId()).setOccurredAt(at).setBusinessId(channel.businessId())
                .setCorrelationId(meta.correlationId()).setCausationId(null)
                .setChannelId(channel.id()).setChannelType(channel.type()).setExternalId(channel.externalId())
                .setName(channel.name()).setPageId(channel.pageId())
                .setWhatsappBusinessAccountId(channel.wabaId()).setDisplayPhoneNumber(channel.displayPhoneNumber())
                .setReason(reason)
                .build();
    }

    static ChannelNeedsReconnect needsReconnect(Channel channel, String metaMessage, Instant at) {
        EventMetadata meta = EventMetadata.startOfJourney(channel.businessId(), at);
        return ChannelNeedsReconnect.newBuilder()
                .setEventId(meta.eventId()).setOccurredAt(at).setBusinessId(channel.businessId())
                .setCorrelationId(meta.correlationId()).setCausationId(null)
                .setChannelId(channel.id()).setChannelType(channel.type()).setExternalId(channel.externalId())
                .setName(channel.name()).setDetail(metaMessage)
                .build();
    }
}
