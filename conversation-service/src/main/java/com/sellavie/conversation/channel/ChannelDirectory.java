package com.sellavie.conversation.channel;

import com.sellavie.platform.tenancy.TenantContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the other features may know of channels: find one, (for sending only) its decrypted token, and
 * tell it Meta rejected that token.
 */
@Component
public class ChannelDirectory {

    private final ChannelRepository channels;
    private final ChannelTokenCipher cipher;
    private final ChannelService service;

    ChannelDirectory(ChannelRepository channels, ChannelTokenCipher cipher, ChannelService service) {
        this.channels = channels;
        this.cipher = cipher;
        this.service = service;
    }

    public Optional<Channel> find(UUID businessId, UUID channelId) {
        return channels.find(businessId, channelId);
    }

    public Optional<Channel> findByExternalId(UUID businessId, String type, String externalId) {
        return channels.findByExternalId(businessId, type, externalId);
    }

    /** The business's sandbox channel, created on first use (its first sandbox message). */
    public Channel sandbox(UUID businessId) {
        channels.insertSandboxIfAbsent(businessId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return channels.findByExternalId(businessId, Channel.SANDBOX, Channel.sandboxExternalId(businessId))
                .orElseThrow(() -> new IllegalStateException("The sandbox channel of " + businessId + " vanished"));
    }

    /**
     * The channel's access token in clear: hand it to the provider's API only, never log or store it.
     *
     * @throws IllegalStateException when the channel was disconnected (its token is gone) or does not decrypt
     */
    public String accessToken(Channel channel) {
        if (channel.sandbox()) {
            return ""; // no provider behind it: its send engine makes no call
        }
        byte[] ciphertext = channels.tokenCiphertext(channel.businessId(), channel.id());
        if (ciphertext == null) {
            throw new IllegalStateException("Channel " + channel.id() + " is disconnected: it has no token");
        }
        return cipher.decrypt(ciphertext, channel.id());
    }

    /**
     * Meta rejected the channel's token (error 190/102) when it was used: the channel becomes
     * NEEDS_RECONNECT and the team is alerted ({@code ChannelNeedsReconnect}), once however many sends
     * are refused. It keeps routing inbound messages. Call it outside any transaction, from any thread.
     *
     * @param metaMessage Meta's error message (shown to the team; never a token)
     */
    public void tokenRejected(Channel channel, String metaMessage) {
        TenantContext.callAs(channel.businessId(), () -> service.markNeedsReconnect(channel, metaMessage));
    }
}
