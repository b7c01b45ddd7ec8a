package com.sellavie.gateway.security;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Matches what {@code include} matches unless {@code exclude} matches too. */
record AndNotMatcher(ServerWebExchangeMatcher include, ServerWebExchangeMatcher exclude)
        implements ServerWebExchangeMatcher {

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return include.matches(exchange).flatMap(included -> !included.isMatch()
                ? MatchResult.notMatch()
                : exclude.matches(exchange).flatMap(excluded -> excluded.isMatch()
                        ? MatchResult.notMatch()
                        : MatchResult.match()));
    }
}
