package com.sellavie.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import com.sellavie.gateway.security.ThrottledLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A service that did not answer within its route's response timeout: the client gets the gateway's 504,
 * and this says so at WARN with the route and the request's method and path (throttled: a service down
 * for a while cannot flood the log) and counts it in {@code sellavie.gateway.upstream.timeouts{route}}.
 */
@Component
class UpstreamTimeouts implements GlobalFilter, Ordered {

    static final String METRIC = "sellavie.gateway.upstream.timeouts";
    private static final Logger log = LoggerFactory.getLogger(UpstreamTimeouts.class);

    private final ThrottledLog throttled = new ThrottledLog(log, Duration.ofSeconds(10));
    private final MeterRegistry meters;

    UpstreamTimeouts(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).doOnError(ResponseStatusException.class, e -> {
            if (e.getStatusCode().value() != HttpStatus.GATEWAY_TIMEOUT.value()) {
                return;
            }
            Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
            String id = route == null ? "unknown" : route.getId();
            meters.counter(METRIC, "route", id).increment();
            throttled.warn("No answer from route " + id + " (" + (route == null ? "?" : route.getUri()) + ") within its "
                    + "response timeout: " + exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getPath().value() + " answered 504", e);
        });
    }

    /** Outermost of the route filters, so it sees the routing filter's error whatever runs in between. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
