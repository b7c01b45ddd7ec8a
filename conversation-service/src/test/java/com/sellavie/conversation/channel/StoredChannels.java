package com.sellavie.conversation.channel;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Test fixture: a channel of any type stored directly (token encrypted as the service does), for
 * tests that need Messenger or WhatsApp channels without the connect API that proves ownership.
 */
public final class StoredChannels {

    private StoredChannels() {
    }

    /** Stores a CONNECTED channel of {@code type} (its Page id / phone number id as externalId) for the business. */
    public static Channel store(ApplicationContext context, UUID business, String type, String externalId,
            String token) {
        ChannelRepository channels = context.getBean(ChannelRepository.class);
        ChannelTokenCipher cipher = context.getBean(ChannelTokenCipher.class);
        Channel channel = new Channel(UuidCreator.getTimeOrderedEpoch(), business, type, externalId,
                "Linen Shop " + type, TokenMask.mask(token), Channel.CONNECTED,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                // As the connect API stores them: a Messenger channel's Page id is its external id.
                "MESSENGER".equals(type) ? externalId : null, null, null);
        TenantContext.runAs(business, () -> channels.insert(channel, cipher.encrypt(token, channel.id())));
        return channel;
    }
}
