package com.sellavie.ingest.payment;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment webhook feature's beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentWebhookProperties.class)
class PaymentWebhookConfiguration {

    @Bean
    PaymentProviders paymentProviders() {
        return new PaymentProviders(Clock.systemUTC());
    }
}
