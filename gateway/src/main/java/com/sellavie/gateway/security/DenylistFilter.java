package com.sellavie.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Right after a token was verified: asks the {@link Denylist} about it (and, with rate limits on, takes from its
 * business's bucket). Revoked: 401; the denylist's copy too old (Redis did not answer): 503 (fail closed); over the
 * business's limit: 429 with {@code Retry-After}. Requests without a token pass untouched (authorization decides).
 */
class DenylistFilter implements WebFilter {

    private final Denylist denylist;
    private final Counter revoked;
    private final Counter limited;

    DenylistFilter(Denylist denylist, MeterRegistry meters) {
        this.denylist = denylist;
        this.revoked = Counter.builder("sellavie.gateway.tokens.revoked")
                .description("Requests refused (401) because the denylist names their token's session or member")
                .register(meters);
        this.limited = meters.counter("sellavie.gateway.ratelimit.rejected", "bucket", "api");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .ofType(JwtAuthenticationToken.class)
                .flatMap(token -> denylist.admit(token.getToken()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(admission -> admission.isEmpty()
                        ? chain.filter(exchange)
                        : answer(admission.get(), exchange, chain));
    }

    private Mono<Void> answer(Admission admission, ServerWebExchange exchange, WebFilterChain chain) {
        return switch (admission.verdict()) {
            case ADMITTED -> {
                exchange.getAttributes().put(ApiBucket.TAKEN, Boolean.TRUE);
                yield chain.filter(exchange);
            }
            case REVOKED -> {
                revoked.increment();
                yield ProblemResponses.unauthorized(exchange.getResponse());
            }
            case UNAVAILABLE -> ProblemResponses.authenticationUnavailable(exchange.getResponse());
            case LIMITED -> {
                limited.increment();
                yield ProblemResponses.tooManyRequests(exchange.getResponse(), admission.retryAfterSeconds());
            }
        };
    }
}
