package com.sellavie.platform.internal;

import com.sellavie.platform.operations.OperatorSecurityAutoConfiguration;
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
 * {@code /internal/**}: endpoints other services call (never routed by the gateway), opened only by
 * {@code Authorization: Bearer <service token>}; a merchant's JWT does not open them. Without a
 * configured token the chain answers 403 to everything (fail closed). Ordered like the operator chain,
 * before every service's own chain.
 */
@AutoConfiguration(after = OperatorSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HttpSecurity.class)
@EnableConfigurationProperties(InternalProperties.class)
public class InternalSecurityAutoConfiguration {

    static final int CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 60;

    @Bean
    ServiceToken sellavieServiceToken(InternalProperties properties) {
        return ServiceToken.from(properties);
    }

    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain sellavieInternal(HttpSecurity http, ServiceToken token, ObjectProvider<MeterRegistry> meters)
            throws Exception {
        return new SharedTokenChain("/internal/**", "service", "SERVICE", "service token",
                "sellavie.internal.refusals").build(http, token, meters.getIfAvailable());
    }
}
