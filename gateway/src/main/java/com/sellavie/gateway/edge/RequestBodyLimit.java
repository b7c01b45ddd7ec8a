package com.sellavie.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers 413 to a request body over its path's limit ({@link BodySizeLimits}) before it reaches a
 * service. A declared {@code Content-Length} over the limit is refused without reading the body; a
 * body of unknown length (chunked) is counted as it streams through and cut off at the limit, so
 * the service sees an aborted request (its signature check and parsers never get a complete body).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
@EnableConfigurationProperties(BodySizeLimits.class)
class RequestBodyLimit implements WebFilter {

    private final BodySizeLimits limits;

    RequestBodyLimit(BodySizeLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange.getResponse(), limit);
        }
        if (declared >= 0) {
            // The server reads exactly Content-Length bytes: the body cannot outgrow what was declared.
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        throw new BodyTooLargeException(limit);
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(BodyTooLargeException.class, e -> exchange.getResponse().isCommitted()
                        ? Mono.error(e)
                        : tooLarge(exchange.getResponse(), limit));
    }

    private long limitFor(ServerHttpRequest request) {
        String first = request.getPath().pathWithinApplication().elements().stream()
                .map(element -> element.value())
                .filter(value -> !value.isEmpty() && !value.equals("/"))
                .findFirst().orElse("");
        return (first.equals("webhooks") ? limits.webhooks() : limits.api()).toBytes();
    }

    private static Mono<Void> tooLarge(ServerHttpResponse response, long limit) {
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // The client may still be sending: tell it the connection will not read the rest.
        response.getHeaders().setConnection("close");
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"The request body is larger than this path's limit of " + limit + " bytes\"}")
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** A streamed body went over its limit. */
    static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(long limit) {
            super("Request body over its limit of " + limit + " bytes", null, false, false);
        }
    }
}
