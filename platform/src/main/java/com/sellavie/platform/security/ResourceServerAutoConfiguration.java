package com.sellavie.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The default security of a Sellavie service that is a resource server: every path needs a JWT
 * issued by identity, except health/metrics and the service's declared public paths;
 * {@code /internal/**} is closed until service credentials exist. A token must be an access token
 * ({@code typ at+jwt}) of the configured issuer and audience (validators Boot's decoder picks up),
 * and must not be on the Redis denylist ({@link DenylistFilter}, fail closed); a token of a member who
 * must enrol in 2FA first opens only the enrolment paths ({@link EnrolmentRequiredFilter}). Identity's keys
 * are cached and refetched under a rate limit ({@link IdentityJwks}). A service replaces
 * the chain by declaring its own {@link SecurityFilterChain}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, BearerTokenAuthenticationFilter.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerAutoConfiguration {

    private static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    // /v3/api-docs: the public API's description (the gateway serves it to anyone at /api/docs/<service>).
    private static final String[] ALWAYS_OPEN = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error",
        "/v3/api-docs", "/v3/api-docs/**"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain sellavieResourceServer(HttpSecurity http, SecurityProperties properties,
            AccessTokenDenylist denylist, MeterRegistry meters) throws Exception {
        String[] publicPaths = properties.getPublicPaths().toArray(String[]::new);
        if (!properties.getSignedPaths().isEmpty()) {
            // Signed requests (webhooks) carry no token: nothing in this chain applies to them.
            http.securityMatcher(new NegatedRequestMatcher(new OrRequestMatcher(properties.getSignedPaths().stream()
                    .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList())));
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/internal/**").denyAll()
                        .requestMatchers(ALWAYS_OPEN).permitAll()
                        .requestMatchers(publicPaths).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterAfter(new DenylistFilter(denylist, ProblemResponses.unauthorized(), meters),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new EnrolmentRequiredFilter(), DenylistFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Security headers before the handler runs, not when the response commits: a streaming
                // response (the console's live events) is committed by its own writer thread while this
                // request thread unwinds, and two threads writing Tomcat's headers at once throw.
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                // Bearer tokens in headers, no cookies: CSRF protection has nothing to protect.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Spring Security's strict firewall, with the same header rules checked faster ({@link RequestFirewall}). */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    HttpFirewall sellavieRequestFirewall() {
        return RequestFirewall.strict();
    }

    /**
     * A request is observed once, as a request (its timer and trace span, from the web layer), with its
     * authentication; not once more per security filter and per authorization decision unless asked.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings sellavieSecurityObservations(SecurityProperties properties) {
        boolean filters = properties.isFilterObservations();
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(filters)
                .shouldObserveAuthorizations(filters).shouldObserveAuthentications(true).build();
    }

    @Bean
    @ConditionalOnMissingBean
    AccessTokenDenylist accessTokenDenylist(StringRedisTemplate redis) {
        return new AccessTokenDenylist(redis);
    }

    @Bean
    DenylistConnectionWarmUp sellavieDenylistConnectionWarmUp(StringRedisTemplate redis) {
        return new DenylistConnectionWarmUp(redis);
    }

    /**
     * Replaces Boot's jwk-set-uri decoder, whose key cache fetches the JWKS again for every unknown
     * {@code kid}: the same checks (expiry, and every {@code OAuth2TokenValidator<Jwt>} bean), with
     * identity's keys from {@link IdentityJwks}.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty(JWK_SET_URI)
    JwtDecoder sellavieJwtDecoder(IdentityJwks keys, ObjectProvider<OAuth2TokenValidator<Jwt>> validators) {
        return jwtDecoder(keys, validators.orderedStream().toList());
    }

    /** RS256 tokens signed by one of {@code keys}, checked by expiry and {@code validators}. */
    static JwtDecoder jwtDecoder(IdentityJwks keys, List<OAuth2TokenValidator<Jwt>> validators) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                // typ is checked by the JwtTypeValidator bean (at+jwt), not by Nimbus' default (JWT).
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier((type, context) -> { }))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(JWK_SET_URI)
    IdentityJwks sellavieIdentityJwks(@Value("${" + JWK_SET_URI + "}") String jwkSetUri, SecurityProperties properties,
            MeterRegistry meters) {
        return new IdentityJwks(jwkSetUri, properties.getJwks(), meters);
    }

    // The decoder above adds every OAuth2TokenValidator<Jwt> bean to its defaults (expiry).
    @Bean
    JwtTypeValidator sellavieAccessTokenType() {
        return TokenValidators.type();
    }

    @Bean
    OAuth2TokenValidator<Jwt> sellavieIssuer(SecurityProperties properties) {
        return TokenValidators.issuer(properties.getJwt());
    }

    @Bean
    OAuth2TokenValidator<Jwt> sellavieAudience(SecurityProperties properties) {
        return TokenValidators.audience(properties.getJwt());
    }
}
