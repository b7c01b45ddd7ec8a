package com.sellavie.platform.operations;

import com.sellavie.platform.security.ResourceServerAutoConfiguration;
import com.sellavie.platform.security.SharedTokenChain;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The operator's own security chain for {@code /ops/**}, ordered before every other chain (the
 * platform's resource server, or a service's own): only {@code Authorization: Bearer <operator token>}
 * opens it; a merchant's JWT, whatever its role, does not. Without a configured token the chain
 * answers 403 to everything (fail closed) and a WARN says so once at start-up.
 *
 * <p>Ordered after the auto-configurations that declare default chains on a missing
 * {@link SecurityFilterChain}, so this chain never makes them back off.
 */
@AutoConfiguration(after = ResourceServerAutoConfiguration.class, afterName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
@EnableConfigurationProperties(OpsProperties.class)
public class OperatorSecurityAutoConfiguration {

    /** Before any chain without an explicit order (those sort last). */
    static final int CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    @Bean
    OperatorToken sellavieOperatorToken(OpsProperties properties) {
        return OperatorToken.from(properties);
    }

    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain sellavieOperations(HttpSecurity http, OperatorToken token,
            ObjectProvider<MeterRegistry> meters) throws Exception {
        return new SharedTokenChain("/ops/**", "operator", "OPERATOR", "operator token", "sellavie.ops.refusals")
                .build(http, token, meters.getIfAvailable());
    }
}
