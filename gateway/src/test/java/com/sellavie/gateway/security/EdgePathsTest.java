package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/** The edge's path rules decide as Spring Security's composed path matchers they replace. */
class EdgePathsTest {

    private static final List<String> PUBLIC_API = List.of("/api/auth/login", "/api/auth/refresh",
            "/api/auth/password-reset", "/api/auth/password-reset/**", "/api/docs", "/api/docs/**");

    @ParameterizedTest
    @ValueSource(strings = {"/api/conversations", "/api/auth/login", "/api/auth/login/", "/api/auth/loginx",
            "/api/auth/password-reset/confirm", "/api/docs/identity", "/api", "/api/", "/apix", "/webhooks/meta",
            "/.well-known/jwks.json", "/", "/api/orders/7/refund", "/API/orders"})
    void theProtectedApiIsTheApiButItsPublicPaths(String path) {
        ServerWebExchangeMatcher publicApi = ServerWebExchangeMatchers.pathMatchers(PUBLIC_API.toArray(String[]::new));
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**");
        boolean expected = matched(api, path) && !matched(publicApi, path);

        assertThat(matched(EdgePaths.of("/api/**").except(PUBLIC_API.toArray(String[]::new)), path))
                .as(path).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/webhooks/meta", "/webhooks/paystack/biz-1", "/webhooks", "/webhooksx", "/api/me", "/"})
    void theChainCoversEverythingButWebhooks(String path) {
        boolean expected = matched(new NegatedServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers("/webhooks/**")), path);

        assertThat(matched(EdgePaths.of("/**").except("/webhooks/**"), path)).as(path).isEqualTo(expected);
    }

    private static boolean matched(ServerWebExchangeMatcher matcher, String path) {
        Mono<ServerWebExchangeMatcher.MatchResult> result = matcher.matches(
                MockServerWebExchange.from(MockServerHttpRequest.get(path)));
        return result.blockOptional().orElseThrow().isMatch();
    }
}
