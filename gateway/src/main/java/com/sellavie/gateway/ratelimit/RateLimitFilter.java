package com.sellavie.gateway.ratelimit;

import com.sellavie.gateway.security.ApiBucket;
import com.sellavie.gateway.security.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Picks the bucket of a request and answers 429 with {@code Retry-After} when it is empty. Runs
 * after the token check, so a {@code /api/**} request is limited per business of its verified
 * token (taken already, right after the denylist check: {@link LeasedApiBucket}); public auth paths
 * per client IP; webhooks per client IP in their own bucket, so a flood of log-in attempts never
 * starves Meta's or a payment provider's deliveries. The console's files are not limited.
 */
class RateLimitFilter implements WebFilter, Ordered {

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");
    private static final PathPattern WEBHOOKS = PathPatternParser.defaultInstance.parse("/webhooks/**");
    // Meta's deauthorize / data-deletion callbacks: a provider's deliveries, like webhooks.
    private static final PathPattern META = PathPatternParser.defaultInstance.parse("/meta/**");
    // The public deletion-status page: per client IP, like the public auth paths (codes are not guessable,
    // and this keeps anyone from trying).
    private static final PathPattern DELETION_STATUS = PathPatternParser.defaultInstance.parse("/privacy/deletion-status/**");

    private final RedisTokenBuckets buckets;
    private final RateLimitProperties properties;
    private final List<PathPattern> publicPaths;
    private final MeterRegistry meters;

    RateLimitFilter(RedisTokenBuckets buckets, RateLimitProperties properties, MeterRegistry meters) {
        this.buckets = buckets;
        this.properties = properties;
        this.publicPaths = properties.publicPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.meters = meters;
    }

    /** After Spring Security's chain (order -100): the verified token names the business. */
    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        String ip = clientIp(exchange);
        if (WEBHOOKS.matches(path) || META.matches(path)) {
            return limit("webhooks", "ip:" + ip, properties.webhooks(), exchange, chain);
        }
        if (DELETION_STATUS.matches(path)) {
            return limit("auth", "ip:" + ip, properties.auth(), exchange, chain);
        }
        if (!API.matches(path)) {
            return chain.filter(exchange);
        }
        if (publicPaths.stream().anyMatch(pattern -> pattern.matches(path))) {
            return limit("auth", "ip:" + ip, properties.auth(), exchange, chain);
        }
        if (exchange.getAttribute(ApiBucket.TAKEN) != null) {
            // Per business: taken already, right after the denylist check (DenylistFilter).
            return chain.filter(exchange);
        }
        // Without a verified token (the edge's check switched off) the client IP stands in.
        return limit("api", "ip:" + ip, properties.api(), exchange, chain);
    }

    private Mono<Void> limit(String bucketName, String client, RateLimitProperties.Bucket bucket,
            ServerWebExchange exchange, WebFilterChain chain) {
        return buckets.take(bucketName, client, bucket).flatMap(decision -> {
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            meters.counter("sellavie.gateway.ratelimit.rejected", "bucket", bucketName).increment();
            return ProblemResponses.tooManyRequests(exchange.getResponse(), decision.retryAfterSeconds());
        });
    }

    /** The peer address (behind a proxy, set server.forward-headers-strategy so it is the client's). */
    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
