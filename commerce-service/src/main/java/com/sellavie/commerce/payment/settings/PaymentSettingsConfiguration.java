package com.sellavie.commerce.payment.settings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EncryptionProperties.class, PaymentsProperties.class})
class PaymentSettingsConfiguration {

    @Bean
    SecretCipher paymentSecretCipher(EncryptionProperties properties) {
        return SecretCipher.fromKeysetFile(properties.keysetFile());
    }
}
