package com.sellavie.conversation.channel;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the other features may know of channels: find one, and (for sending only) its decrypted token. */
@Component
public class ChannelDirectory {

    private final ChannelRepository channels;
    private final ChannelTokenCipher cipher;

    ChannelDirectory(ChannelRepository channels, ChannelTokenCipher cipher) {
        this.channels = channels;
        this.cipher = cipher;
    }

    public Optional<Channel> find(UUID businessId, UUID channelId) {
        return channels.find(businessId, channelId);
    }

    public Optional<Channel> findByExternalId(UUID businessId, String type, String externalId) {
        return channels.findByExternalId(businessId, type, externalId);
    }

    /** The channel's access token in clear: hand it to the provider's API only, never log or store it. */
    public String accessToken(Channel channel) {
        return cipher.decrypt(channels.tokenCiphertext(channel.businessId(), channel.id()), channel.id());
    }
}
