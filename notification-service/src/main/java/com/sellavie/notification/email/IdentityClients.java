package com.sellavie.notification.email;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** Feign clients of this package only (no scan of the whole service). */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = IdentityMembersClient.class)
class IdentityClients {
}
