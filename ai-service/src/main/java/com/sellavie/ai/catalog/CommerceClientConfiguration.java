package com.sellavie.ai.catalog;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** Registers ai-service's one OpenFeign client: commerce's internal catalog endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = CommerceCatalogClient.class)
class CommerceClientConfiguration {
}
