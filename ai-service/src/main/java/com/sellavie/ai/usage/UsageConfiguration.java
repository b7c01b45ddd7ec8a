package com.sellavie.ai.usage;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PriceTableProperties.class)
class UsageConfiguration {

    @Bean
    PriceTable priceTable(PriceTableProperties properties, MeterRegistry meters) {
        return new PriceTable(properties, meters);
    }
}
