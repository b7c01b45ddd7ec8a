package com.sellavie.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The access token of a request's {@code Authorization} header, read as Spring Security's
 * {@code ServerBearerTokenAuthenticationConverter} reads it (a header not starting with {@code bearer}: no token;
 * otherwise exactly {@code Bearer <b64token>}, the scheme in any case, or 401 {@code invalid_token}), without its
 * regular expression: matched case-insensitively over a ~800-character access token, that expression was ~5 % of
 * the gateway's CPU per authenticated request in its profile (docs/benchmarks.md, Gateway overhead).
 * {@code BearerHeaderTest} compares both on the same headers. Tokens in query parameters or forms stay refused, as
 * the converter's defaults have them.
 */
final class BearerHeader implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return Mono.empty();
        }
        String token = tokenOf(authorization);
        if (token == null) {
            return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /**
     * The token of {@code Bearer <token>}, or null when the value is anything else: RFC 6750's b64token, one or more
     * of {@code A-Z a-z 0-9 - . _ ~ + /}, then any number of {@code =}, and nothing after.
     */
    static String tokenOf(String authorization) {
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int end = authorization.length();
        int i = SCHEME.length();
        while (i < end && isTokenChar(authorization.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return null;
        }
        while (i < end && authorization.charAt(i) == '=') {
            i++;
        }
        return i == end ? authorization.substring(SCHEME.length()) : null;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
