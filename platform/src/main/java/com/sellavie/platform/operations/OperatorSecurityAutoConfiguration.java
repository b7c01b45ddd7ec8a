package com.sellavie.platform.operations;

import com.sellavie.platform.security.ResourceServerAutoConfiguration;
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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

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
        OperatorRefusals refusals = new OperatorRefusals(token, meters.getIfAvailable());
        return http
                .securityMatcher("/ops/**")
                .authorizeHttpRequests(requests -> {
                    if (token.configured()) {
                        requests.anyRequest().hasRole(OperatorTokenFilter.ROLE);
                    } else {
                        requests.anyRequest().denyAll();
                    }
                })
                .addFilterBefore(new OperatorTokenFilter(token), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // A bearer header, never a cookie: CSRF protection has nothing to protect.
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
