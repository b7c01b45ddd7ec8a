package com.sellavie.conversation.channel;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connecting and listing channels. An account (type + external id) belongs to one business at a
 * time: connecting it again, by any business, is a 409 (not an idempotent update, so a second
 * business can never take over another's routing, and a token change will be its own operation).
 */
@Service
class ChannelService {

    /** The global lookup (listed in sellavie.tenancy.global-lookups) that checks uniqueness across businesses. */
    static final String UNIQUENESS_LOOKUP = "channel-by-external-id";

    private final ChannelRepository channels;
    private final ChannelTokenCipher cipher;
    private final Tenancy tenancy;
    private final Outbox outbox;

    ChannelService(ChannelRepository channels, ChannelTokenCipher cipher, Tenancy tenancy, Outbox outbox) {
        this.channels = channels;
        this.cipher = cipher;
        this.tenancy = tenancy;
        this.outbox = outbox;
    }

    @Transactional
    Channel connect(ConnectChannelRequest request) {
        UUID businessId = TenantContext.requireBusinessId();
        String externalId = request.externalId().trim();
        if (tenancy.globalLookup(UNIQUENESS_LOOKUP, () -> channels.existsAnywhere(request.type(), externalId))) {
            throw new ChannelAlreadyConnectedException(request.type(), externalId);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Channel channel = new Channel(UuidCreator.getTimeOrderedEpoch(), businessId, request.type(), externalId,
                request.name().trim(), TokenMask.mask(request.accessToken()), Channel.CONNECTED, now);
        try {
            channels.insert(channel, cipher.encrypt(request.accessToken(), channel.id()));
        } catch (DuplicateKeyException raceLost) {
            // Another request connected the same account between the lookup and the insert.
            throw new ChannelAlreadyConnectedException(request.type(), externalId);
        }
        EventMetadata meta = EventMetadata.startOfJourney(businessId, now);
        outbox.publish(ChannelConnected.newBuilder()
                .setEventId(meta.eventId())
                .setOccurredAt(now)
                .setBusinessId(businessId)
                .setCorrelationId(meta.correlationId())
                .setCausationId(null)
                .setChannelId(channel.id())
                .setChannelType(channel.type())
                .setExternalId(channel.externalId())
                .setName(channel.name())
                .build(), channel.id().toString());
        return channel;
    }

    @Transactional(readOnly = true)
    List<Channel> list() {
        return channels.findAll(TenantContext.requireBusinessId());
    }
}
