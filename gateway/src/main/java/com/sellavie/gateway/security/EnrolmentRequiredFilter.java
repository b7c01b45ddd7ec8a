package com.sellavie.gateway.security;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * At the edge, after the token was verified: a token with {@code mfa_enrolment_required: true} (the
 * business requires 2FA, the member has not enrolled) reaches only the enrolment paths; anything else
 * is {@code 403 {"reason":"TWO_FACTOR_REQUIRED"}} and never reaches a route. The same rule as the
 * platform's (its {@code AccessTokenClaims}; the gateway deliberately has no platform dependency).
 */
class EnrolmentRequiredFilter implements WebFilter {

    static final String CLAIM = "mfa_enrolment_required";
    static final Set<String> ENROLMENT_PATHS = Set.of(
            "/api/auth/totp", "/api/auth/totp/confirm", "/api/auth/logout", "/api/me");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .filter(authentication -> authentication instanceof JwtAuthenticationToken jwt
                        && Boolean.TRUE.equals(jwt.getToken().getClaimAsBoolean(CLAIM)))
                .filter(authentication -> !ENROLMENT_PATHS.contains(exchange.getRequest().getPath().value()))
                .hasElement()
                .flatMap(mustEnrol -> mustEnrol
                        ? ProblemResponses.twoFactorRequired(exchange.getResponse())
                        : chain.filter(exchange));
    }
}
