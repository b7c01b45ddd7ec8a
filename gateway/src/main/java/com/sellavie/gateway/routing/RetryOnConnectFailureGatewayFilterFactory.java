package com.sellavie.gateway.routing;

import com.sellavie.gateway.security.ThrottledLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The route filter {@code RetryOnConnectFailure}: a request whose connection to the service could not be
 * opened (refused, or not accepted within the connect timeout) is sent once more, which on an
 * {@code lb://} route goes to the next instance. A replica that has just died therefore costs no failed
 * request in the seconds before its readiness check drops it ({@link ReadyInstances}); behind one URL
 * (Compose, a Kubernetes Service) the new connection may reach another backend the same way.
 *
 * <p>Safe for every method: a connect failure means not one byte of the request reached the service.
 * Nothing else is retried (not a 5xx, not a timeout, not a connection lost mid-request), since a service
 * may have acted on those. Spring Cloud Gateway's Retry filter does the work; this fixes its settings so a
 * route cannot widen them by mistake.
 *
 * <p>Each refused connection is counted in {@code sellavie.gateway.upstream.connect.refused{route, then}}
 * ({@code then}: {@code retried}, or {@code failed} when the second attempt was refused too and the client got
 * the error) and logged at WARN with the route, method, path and cause (at most one line per 10 s).
 */
@Component
public class RetryOnConnectFailureGatewayFilterFactory extends AbstractGatewayFilterFactory<RetryConfig> {

    static final String METRIC = "sellavie.gateway.upstream.connect.refused";
    private static final Logger log = LoggerFactory.getLogger(RetryOnConnectFailureGatewayFilterFactory.class);
    private static final String ATTEMPT = RetryOnConnectFailureGatewayFilterFactory.class.getName() + ".attempt";

    private final ThrottledLog throttled = new ThrottledLog(log, Duration.ofSeconds(10));
    private final RetryGatewayFilterFactory retry;
    private final MeterRegistry meters;

    RetryOnConnectFailureGatewayFilterFactory(RetryGatewayFilterFactory retry, MeterRegistry meters) {
        super(RetryConfig.class);
        this.retry = retry;
        this.meters = meters;
    }

    /** One more attempt, at once, for any method, only when the connection could not be opened. */
    @Override
    @SuppressWarnings("unchecked") // setExceptions takes a generic varargs array of exception classes
    public RetryConfig newConfig() {
        return new RetryConfig()
                .setRetries(1)
                .allMethods()
                .setSeries()
                .setStatuses()
                .setExceptions(ConnectException.class);
    }

    /** The fixed settings above whatever a route passed; only the route's id is taken from it. */
    @Override
    public GatewayFilter apply(RetryConfig routeConfig) {
        RetryConfig config = newConfig();
        config.setRouteId(routeConfig.getRouteId());
        GatewayFilter retrying = retry.apply(config);
        // The Retry filter subscribes to the rest of the chain once per attempt: each subscription is numbered,
        // and a refused one reported, on the way.
        return (exchange, chain) -> retrying.filter(exchange, attempt -> Mono.defer(() -> {
            int number = (int) attempt.getAttributes().merge(ATTEMPT, 1, (previous, one) -> (int) previous + 1);
            return chain.filter(attempt).doOnError(ConnectException.class, refused ->
                    refused(config.getRouteId(), attempt, number <= config.getRetries(), refused));
        }));
    }

    private void refused(String route, ServerWebExchange exchange, boolean retried, ConnectException cause) {
        meters.counter(METRIC, "route", route, "then", retried ? "retried" : "failed").increment();
        throttled.warn("Connection to route " + route + " refused: " + exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath().value() + (retried ? " sent once more" : " failed, already retried"),
                cause);
    }
}
