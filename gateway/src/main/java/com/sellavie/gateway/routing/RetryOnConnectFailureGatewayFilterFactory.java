package com.sellavie.gateway.routing;

import com.sellavie.gateway.security.ThrottledLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;
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
 * A connection the service closed or reset before answering (a pooled keep-alive connection it dropped as the
 * request left, or an instance that died mid-request) is sent once more only for the safe methods, GET, HEAD and
 * OPTIONS, as RFC 9110 (9.2.2) allows a proxy to: the service may have acted on the request, and only those
 * methods promise that acting twice changes nothing. Nothing else is retried (not a 5xx, not a timeout, not a
 * POST whose connection was lost). Spring Cloud Gateway's Retry filter does the work; this fixes its settings
 * so a route cannot widen them by mistake.
 *
 * <p>Each refused connection is counted in {@code sellavie.gateway.upstream.connect.refused{route, then}}
 * ({@code then}: {@code retried}, or {@code failed} when the second attempt was refused too and the client got
 * the error) and logged at WARN with the route, method, path and cause (at most one line per 10 s); each lost
 * one sent again in {@code sellavie.gateway.upstream.connection.lost{route, then=retried}} ({@link UpstreamFailures}
 * counts those the client got a 502 for).
 */
@Component
public class RetryOnConnectFailureGatewayFilterFactory extends AbstractGatewayFilterFactory<RetryConfig> {

    static final String METRIC = "sellavie.gateway.upstream.connect.refused";
    private static final Logger log = LoggerFactory.getLogger(RetryOnConnectFailureGatewayFilterFactory.class);
    private static final String ATTEMPT = RetryOnConnectFailureGatewayFilterFactory.class.getName() + ".attempt";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ThrottledLog throttled = new ThrottledLog(log, Duration.ofSeconds(10));
    private final RetryGatewayFilterFactory retry;
    private final MeterRegistry meters;

    RetryOnConnectFailureGatewayFilterFactory(RetryGatewayFilterFactory retry, MeterRegistry meters) {
        super(RetryConfig.class);
        this.retry = retry;
        this.meters = meters;
    }

    /**
     * One more attempt, at once: for any method when the connection could not be opened, for a safe one also when
     * it was lost before the answer (marked {@link LostBeforeAnswer} on the way, so no other failure matches).
     */
    @Override
    @SuppressWarnings("unchecked") // setExceptions takes a generic varargs array of exception classes
    public RetryConfig newConfig() {
        return new RetryConfig()
                .setRetries(1)
                .allMethods()
                .setSeries()
                .setStatuses()
                .setExceptions(ConnectException.class, LostBeforeAnswer.class);
    }

    /** The fixed settings above whatever a route passed; only the route's id is taken from it. */
    @Override
    public GatewayFilter apply(RetryConfig routeConfig) {
        RetryConfig config = newConfig();
        config.setRouteId(routeConfig.getRouteId());
        GatewayFilter retrying = retry.apply(config);
        // The Retry filter subscribes to the rest of the chain once per attempt: each subscription is numbered,
        // and a refused or lost one reported, on the way.
        return (exchange, chain) -> retrying.filter(exchange, attempt -> Mono.defer(() -> {
            int number = (int) attempt.getAttributes().merge(ATTEMPT, 1, (previous, one) -> (int) previous + 1);
            boolean retried = number <= config.getRetries();
            return chain.filter(attempt)
                    .doOnError(ConnectException.class, refused -> refused(config.getRouteId(), attempt, retried, refused))
                    .onErrorMap(lost -> SAFE.contains(attempt.getRequest().getMethod())
                            && UpstreamFailures.isConnectionLost(attempt, lost), lost -> {
                        if (retried) {
                            lostAndRetried(config.getRouteId(), attempt, lost);
                        }
                        return new LostBeforeAnswer(lost);
                    });
        }));
    }

    private void lostAndRetried(String route, ServerWebExchange exchange, Throwable cause) {
        meters.counter(UpstreamFailures.CONNECTION_LOST, "route", route, "then", "retried").increment();
        throttled.warn("Connection to route " + route + " closed before an answer: " + exchange.getRequest().getMethod()
                + " " + exchange.getRequest().getPath().value() + " sent once more", cause);
    }

    private void refused(String route, ServerWebExchange exchange, boolean retried, ConnectException cause) {
        meters.counter(METRIC, "route", route, "then", retried ? "retried" : "failed").increment();
        throttled.warn("Connection to route " + route + " refused: " + exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath().value() + (retried ? " sent once more" : " failed, already retried"),
                cause);
    }

    /** A safe request's connection lost before the service answered: the one failure besides a refusal retried. */
    static final class LostBeforeAnswer extends IOException {

        LostBeforeAnswer(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
