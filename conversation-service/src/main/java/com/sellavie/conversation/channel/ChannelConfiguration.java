package com.sellavie.conversation.channel;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EncryptionProperties.class, ChannelGraphProperties.class,
        FacebookLoginProperties.class})
class ChannelConfiguration {

    @Bean
    ChannelTokenCipher channelTokenCipher(EncryptionProperties properties) {
        return ChannelTokenCipher.fromKeysetFile(properties.keysetFile());
    }

    /** The same Graph API base URL (and pinned version) the Send API uses: {@code sellavie.meta.graph-url}. */
    @Bean
    GraphApiClient channelGraphApiClient(@Value("${sellavie.meta.graph-url:https://graph.facebook.com/v23.0}")
            String graphUrl, ChannelGraphProperties properties, MeterRegistry meters) {
        String base = graphUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new GraphApiClient(base, properties, meters);
    }
}
