package com.sellavie.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;

/**
 * The edge's security chain. With {@code sellavie.gateway.jwt.enabled} every {@code /api/**} path
 * but the public ones needs a valid access token before a route is chosen; anything else
 * (console, webhooks, JWKS) passes. Sessions, CSRF, basic and form login are off: the API is
 * stateless bearer-token only. Security headers are written by {@link SecurityHeaders}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({EdgeJwtProperties.class, CorsProperties.class})
class EdgeSecurityConfiguration {

    /** Read from Redis every second (started with the context) while the edge checks tokens. */
    @Bean
    @ConditionalOnBooleanProperty(name = "sellavie.gateway.jwt.enabled", matchIfMissing = true)
    DenylistReplica denylistReplica(ReactiveStringRedisTemplate redis, EdgeJwtProperties properties,
            MeterRegistry meters) {
        return new DenylistReplica(redis, properties.denylistRefresh(), properties.denylistTimeout(),
                properties.denylistMaxAge(), meters);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "sellavie.gateway.jwt.enabled", matchIfMissing = true)
    Denylist denylist(DenylistReplica replica, ObjectProvider<ApiBucket> bucket) {
        return new Denylist(replica, bucket.getIfAvailable());
    }

    @Bean
    IdentityJwks identityJwks(EdgeJwtProperties properties, MeterRegistry meters) {
        return new IdentityJwks(properties.jwkSetUri(), properties.jwksCacheTtl(), properties.jwksRefetchMinInterval(),
                meters);
    }

    @Bean
    ReactiveJwtDecoder edgeJwtDecoder(EdgeJwtProperties properties, IdentityJwks keys, MeterRegistry meters) {
        return new EdgeJwtDecoder(properties, keys, new VerifiedTokens(properties.verifiedTokenCacheSize(),
                properties.verifiedTokenCacheTtl(), properties.clockSkew(), meters));
    }

    static final String WEBHOOKS = "/webhooks/**";

    /**
     * An exchange is observed once, as an exchange (its timer and trace span, from WebFlux), not once more as a
     * secured exchange, per security filter and per authorization decision (~22 % of the gateway's CPU).
     */
    @Bean
    SecurityObservationSettings edgeSecurityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                .shouldObserveAuthorizations(false).shouldObserveAuthentications(true).build();
    }

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, EdgeJwtProperties properties,
            ReactiveJwtDecoder decoder, ObjectProvider<Denylist> denylist, CorsProperties cors, MeterRegistry meters) {
        // Webhooks carry no session or token (ingest verifies each provider's signature on the raw bytes):
        // they skip the security chain (Spring Security was ~22 % of the gateway's CPU in its profile).
        http.securityMatcher(EdgePaths.of("/**").except(WEBHOOKS))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(corsSource(cors)));
        if (!properties.enabled()) {
            return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll()).build();
        }
        ServerWebExchangeMatcher protectedApi = EdgePaths.of("/api/**")
                .except(properties.publicPaths().toArray(String[]::new));
        return http
                .authorizeExchange(exchanges -> exchanges
                        .matchers(protectedApi).authenticated()
                        .anyExchange().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.unauthorized(exchange.getResponse())))
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(onlyOn(protectedApi))
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.unauthorized(exchange.getResponse()))
                        .authenticationFailureHandler(failureHandler())
                        .jwt(jwt -> jwt.jwtDecoder(decoder)))
                // A verified token: revoked (this instance's copy of the denylist)? within its business's limit?
                .addFilterAfter(new DenylistFilter(denylist.getObject(), meters),
                        SecurityWebFiltersOrder.AUTHENTICATION)
                // After the token check: a member who must enrol in 2FA reaches only the enrolment paths.
                .addFilterAfter(new EnrolmentRequiredFilter(), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    /** Public paths and webhooks ignore an Authorization header (an expired token must not block logout). */
    private static ServerAuthenticationConverter onlyOn(ServerWebExchangeMatcher protectedApi) {
        BearerHeader bearer = new BearerHeader();
        return exchange -> protectedApi.matches(exchange)
                .flatMap(match -> match.isMatch() ? bearer.convert(exchange) : Mono.empty());
    }

    /** Forged, malformed or expired -> 401; the JWKS unreachable -> 503 (fail closed). The denylist: DenylistFilter. */
    private static ServerAuthenticationFailureHandler failureHandler() {
        return (filterExchange, e) -> e instanceof AuthenticationServiceException && checkUnavailable(e)
                ? ProblemResponses.authenticationUnavailable(filterExchange.getExchange().getResponse())
                : ProblemResponses.unauthorized(filterExchange.getExchange().getResponse());
    }

    private static boolean checkUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeysUnavailableException || cause instanceof WebClientException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static CorsConfigurationSource corsSource(CorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!cors.consoleOrigin().isBlank()) {
            CorsConfiguration console = new CorsConfiguration();
            console.setAllowedOrigins(List.of(cors.consoleOrigin()));
            console.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
                    HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
            console.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Last-Event-ID",
                    "Idempotency-Key"));
            console.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
            // The refresh token travels in an HttpOnly cookie.
            console.setAllowCredentials(true);
            console.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", console);
        }
        return source;
    }
}
