package com.sellavie.notification.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Role rules on endpoints ({@code @PreAuthorize}); the platform's chain only requires a valid token.
 * A refused call ends in the chain's 403 problem JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurityConfiguration {
}
