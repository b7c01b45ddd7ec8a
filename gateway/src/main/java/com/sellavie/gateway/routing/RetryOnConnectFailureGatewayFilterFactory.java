package com.sellavie.gateway.routing;

import java.net.ConnectException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.stereotype.Component;

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
 */
@Component
public class RetryOnConnectFailureGatewayFilterFactory extends AbstractGatewayFilterFactory<RetryConfig> {

    private final RetryGatewayFilterFactory retry;

    RetryOnConnectFailureGatewayFilterFactory(RetryGatewayFilterFactory retry) {
        super(RetryConfig.class);
        this.retry = retry;
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
        return retry.apply(config);
    }
}
