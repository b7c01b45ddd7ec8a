package com.sellavie.ingest.meta;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Meta webhook feature's beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetaProperties.class)
class MetaWebhookConfiguration {

    @Bean
    MetaAuthenticator metaAuthenticator(MetaProperties properties) {
        return new MetaAuthenticator(properties);
    }

    @Bean
    MetaPayloadParser metaPayloadParser() {
        return new MetaPayloadParser();
    }
}
