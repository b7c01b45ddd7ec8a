package com.sellavie.gateway.edge;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code /internal/**} unreachable from outside.
 *
 * <p>No route matches {@code /internal/**}, but a routed prefix followed by dot segments
 * ({@code /api/auth/../../internal/x}) would be forwarded verbatim and normalised into an internal
 * path by the backend. So a path that names {@code internal} first (empty segments aside), or carries a dot segment or an
 * encoded slash in any segment, is answered 404 here and never leaves the gateway.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class InternalPathGuard implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isRefused(exchange.getRequest().getPath().pathWithinApplication())) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    static boolean isRefused(PathContainer path) {
        List<String> segments = path.elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(element -> ((PathContainer.PathSegment) element).valueToMatch())
                .filter(segment -> !segment.isEmpty())
                .toList();
        if (!segments.isEmpty() && segments.getFirst().equalsIgnoreCase("internal")) {
            return true;
        }
        return segments.stream().anyMatch(InternalPathGuard::isAmbiguous);
    }

    private static boolean isAmbiguous(String decodedSegment) {
        return decodedSegment.equals("..") || decodedSegment.equals(".")
                || decodedSegment.contains("/") || decodedSegment.contains("\\");
    }
}
