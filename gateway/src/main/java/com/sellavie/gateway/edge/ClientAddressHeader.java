package com.sellavie.gateway.edge;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: every proxied request carries {@code X-Forwarded-For} = the
 * address this gateway accepted the connection from (the client's, or with
 * {@code server.forward-headers-strategy=native} behind a load balancer, the one it reports), and only
 * that. Whatever the client sent in that header is replaced, never trusted. identity keys its per-client
 * log-in throttle and shows session addresses on it. (Spring Cloud Gateway strips incoming
 * X-Forwarded-* and adds none unless trusted proxies are configured; this runs after that.)
 */
@Component
class ClientAddressHeader implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        headers.remove(HEADER);
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        if (peer != null && peer.getAddress() != null) {
            headers.set(HEADER, peer.getAddress().getHostAddress());
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
