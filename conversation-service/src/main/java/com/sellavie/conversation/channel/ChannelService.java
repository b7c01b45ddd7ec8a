package com.sellavie.conversation.channel;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A channel's lifecycle. Connecting first proves ownership with Meta (outside any transaction), then
 * stores: an account has one live owner across businesses (a second business gets 409 while it is
 * connected elsewhere); the same business connecting a disconnected or NEEDS_RECONNECT account again
 * gets its same row back CONNECTED with the new token, so its history continues. A CONNECTED account
 * connected again is a 409 too (a token refresh of a working channel is not this operation).
 */
@Service
class ChannelService {

    /** The global lookup (listed in sellavie.tenancy.global-lookups) that checks uniqueness across businesses. */
    static final String UNIQUENESS_LOOKUP = "channel-by-external-id";
    static final String MERCHANT_REQUEST = "MERCHANT_REQUEST";
    private static final Logger log = LoggerFactory.getLogger(ChannelService.class);

    private final ChannelRepository channels;
    private final ChannelTokenCipher cipher;
    private final OwnershipProof proof;
    private final Tenancy tenancy;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    ChannelService(ChannelRepository channels, ChannelTokenCipher cipher, OwnershipProof proof, Tenancy tenancy,
            Outbox outbox, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.channels = channels;
        this.cipher = cipher;
        this.proof = proof;
        this.tenancy = tenancy;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
    }

    Channel connect(ConnectChannel request) {
        UUID businessId = TenantContext.requireBusinessId();
        // Meta first, no transaction open: a slow Graph API holds no connection or row lock.
        ProvenAccount proven = proof.prove(request);
        return transaction.execute(status -> store(businessId, request, proven));
    }

    private Channel store(UUID businessId, ConnectChannel request, ProvenAccount proven) {
        Optional<Channel> own = channels.findByExternalId(businessId, request.type(), request.externalId());
        if (own.filter(channel -> Channel.CONNECTED.equals(channel.status())).isPresent()
                || tenancy.globalLookup(UNIQUENESS_LOOKUP, () -> channels.liveElsewhere(request.type(),
                        request.externalId(), own.map(Channel::id).orElse(null)))) {
            throw new ChannelAlreadyConnectedException(request.type(), request.externalId());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String name = request.name() != null ? request.name() : proven.name() != null ? proven.name()
                : request.externalId();
        UUID id = own.map(Channel::id).orElseGet(UuidCreator::getTimeOrderedEpoch);
        Channel channel = new Channel(id, businessId, request.type(), request.externalId(), name,
                TokenMask.mask(request.accessToken()), Channel.CONNECTED, own.map(Channel::createdAt).orElse(now),
                request.pageId(), request.wabaId(), proven.displayPhoneNumber());
        byte[] ciphertext = cipher.encrypt(request.accessToken(), channel.id());
        try {
            if (own.isPresent()) {
                channels.reconnect(channel, ciphertext, now);
            } else {
                channels.insert(channel, ciphertext);
            }
        } catch (DuplicateKeyException raceLost) {
            // Another request connected the same account between the lookup and the write.
            throw new ChannelAlreadyConnectedException(request.type(), request.externalId());
        }
        outbox.publish(ChannelEvents.connected(channel, now), channel.id().toString());
        log.info("Channel {} ({} {}) {} by business {}", channel.id(), channel.type(), channel.externalId(),
                own.isPresent() ? "reconnected" : "connected", businessId);
        return channel;
    }

    /** DISCONNECTED, token wiped, ChannelDisconnected; contacts and conversations stay. Again: no change. */
    @Transactional
    void disconnect(UUID channelId) {
        UUID businessId = TenantContext.requireBusinessId();
        Channel channel = channels.find(businessId, channelId).filter(c -> !c.sandbox())
                .orElseThrow(() -> new ChannelNotFoundException(channelId));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (channels.disconnect(businessId, channelId, now)) {
            outbox.publish(ChannelEvents.disconnected(channel, MERCHANT_REQUEST, now), channelId.toString());
            log.info("Channel {} ({} {}) disconnected by business {}", channelId, channel.type(),
                    channel.externalId(), businessId);
        }
    }

    /** Meta rejected the token: NEEDS_RECONNECT and ChannelNeedsReconnect, once (as the channel's tenant). */
    @Transactional
    boolean markNeedsReconnect(Channel channel, String metaMessage) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!channels.markNeedsReconnect(channel.businessId(), channel.id(), now)) {
            return false;
        }
        outbox.publish(ChannelEvents.needsReconnect(channel, metaMessage, now), channel.id().toString());
        meters.counter("sellavie.channels.needs_reconnect", "type", channel.type()).increment();
        log.warn("Channel {} ({} {}) of business {} needs reconnecting: Meta rejected its token ({})", channel.id(),
                channel.type(), channel.externalId(), channel.businessId(), metaMessage);
        return true;
    }

    @Transactional(readOnly = true)
    List<Channel> list() {
        // The sandbox is not a channel the team manages (nothing to connect, prove or disconnect).
        return channels.findAll(TenantContext.requireBusinessId()).stream().filter(c -> !c.sandbox()).toList();
    }
}
