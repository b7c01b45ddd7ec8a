package com.sellavie.conversation.channel;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
class ChannelConfiguration {

    @Bean
    ChannelTokenCipher channelTokenCipher(EncryptionProperties properties) {
        return ChannelTokenCipher.fromKeysetFile(properties.keysetFile());
    }
}
