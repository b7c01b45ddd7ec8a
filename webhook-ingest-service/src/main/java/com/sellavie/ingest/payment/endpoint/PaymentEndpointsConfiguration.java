package com.sellavie.ingest.payment.endpoint;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** Feign clients of this package only (no scan of the whole service), and the cache settings. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = CommercePaymentEndpointsClient.class)
@EnableConfigurationProperties(EndpointCacheProperties.class)
class PaymentEndpointsConfiguration {
}
