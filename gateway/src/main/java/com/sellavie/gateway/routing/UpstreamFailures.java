package com.sellavie.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import com.sellavie.gateway.security.ProblemResponses;
import com.sellavie.gateway.security.ThrottledLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.net.ConnectException;
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
 * What the client gets when a service fails to answer, said as what it is, logged at WARN with the route, method
 * and path (throttled: a service down for a while cannot flood the log) and counted per route:
 * <ul>
 * <li>no answer within the route's response timeout: the gateway's 504, {@code sellavie.gateway.upstream.timeouts};
 * <li>no connection (refused, or not accepted within the connect timeout, after {@code RetryOnConnectFailure}'s
 *     second attempt where the route has it): 503, nothing reached the service,
 *     {@code sellavie.gateway.upstream.unreachable};
 * <li>the connection closed or reset before the service answered: 502, the service may or may not have acted on
 *     the request, {@code sellavie.gateway.upstream.connection.lost{then=failed}} (a safe method on an API route is
 *     first sent once more, {@link RetryOnConnectFailureGatewayFilterFactory}).
 * </ul>
 * Both used to reach Spring's default error handler as a 500 "Server Error", which blamed the gateway.
 */
@Component
class UpstreamFailures implements GlobalFilter, Ordered {

    static final String TIMEOUTS = "sellavie.gateway.upstream.timeouts";
    static final String UNREACHABLE = "sellavie.gateway.upstream.unreachable";
    static final String CONNECTION_LOST = "sellavie.gateway.upstream.connection.lost";
    private static final Logger log = LoggerFactory.getLogger(UpstreamFailures.class);

    private final ThrottledLog throttled = new ThrottledLog(log, Duration.ofSeconds(10));
    private final MeterRegistry meters;

    UpstreamFailures(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange)
                .doOnError(ResponseStatusException.class, e -> {
                    if (e.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                        failed(exchange, TIMEOUTS, "did not answer within its response timeout: answered 504", e);
                    }
                })
                .onErrorResume(ConnectException.class, e -> {
                    failed(exchange, UNREACHABLE, "refused the connection: answered 503", e);
                    return ProblemResponses.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                            "Service Unavailable", "The service could not be reached; the request was not carried out.");
                })
                .onErrorResume(e -> isConnectionLost(exchange, e), e -> {
                    failed(exchange, CONNECTION_LOST, "closed the connection before answering: answered 502", e,
                            "then", "failed");
                    return ProblemResponses.write(exchange.getResponse(), HttpStatus.BAD_GATEWAY, "Bad Gateway",
                            "The service closed the connection before answering; the request may or may not have "
                                    + "been carried out.");
                });
    }

    /**
     * An I/O failure on the way to the service other than a refused connection, before any of its answer reached
     * the client (a closed or reset connection; a request body the client stopped sending is not an
     * {@link IOException} here).
     */
    static boolean isConnectionLost(ServerWebExchange exchange, Throwable e) {
        return e instanceof IOException && !(e instanceof ConnectException) && !exchange.getResponse().isCommitted();
    }

    private void failed(ServerWebExchange exchange, String metric, String what, Throwable cause, String... tags) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String id = route == null ? "unknown" : route.getId();
        meters.counter(metric, Tags.of(tags).and("route", id)).increment();
        throttled.warn("Route " + id + " (" + (route == null ? "?" : route.getUri()) + ") " + what + " to "
                + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value(), cause);
    }

    /** Outermost of the route filters, so it sees the routing filter's error whatever runs in between. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
