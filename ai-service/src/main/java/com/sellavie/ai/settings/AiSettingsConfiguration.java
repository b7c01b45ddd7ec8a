package com.sellavie.ai.settings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiSettingsProperties.class)
class AiSettingsConfiguration {

    @Bean
    KeyCipher aiKeyCipher(AiSettingsProperties properties) {
        return KeyCipher.fromKeyset(properties.keyset());
    }
}
