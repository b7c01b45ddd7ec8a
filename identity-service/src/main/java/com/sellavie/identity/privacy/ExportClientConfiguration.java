package com.sellavie.identity.privacy;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** Registers identity's one OpenFeign client: the services' export parts. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = ExportPartClient.class)
class ExportClientConfiguration {
}
