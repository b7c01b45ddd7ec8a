package com.sellavie.ingest.sandbox;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** Role rules on the sandbox endpoint ({@code @PreAuthorize}); the platform's chain only requires a valid token. */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SandboxSecurityConfiguration {
}
