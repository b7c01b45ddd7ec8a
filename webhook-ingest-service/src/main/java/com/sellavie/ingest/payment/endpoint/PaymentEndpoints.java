package com.sellavie.ingest.payment.endpoint;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.SocketTimeoutException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The payment endpoint an id names, as commerce knows it. Answers are cached briefly (found and unknown
 * ids for different times; failures never), so a provider's burst of webhooks costs commerce one call.
 * The call runs behind the {@code commerce-endpoints} circuit breaker: while commerce is failing, webhooks
 * are turned away at once (503, the provider retries) instead of each waiting for a timeout.
 * Counted as {@code sellavie.ingest.payment.endpoint_lookups{result}}.
 */
@Component
public class PaymentEndpoints {

    static final String BREAKER = "commerce-endpoints";
    private static final Logger log = LoggerFactory.getLogger(PaymentEndpoints.class);

    private final CommercePaymentEndpointsClient commerce;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final Cache<String, Lookup> cache;

    PaymentEndpoints(CommercePaymentEndpointsClient commerce, CircuitBreakerRegistry breakers, MeterRegistry meters,
            EndpointCacheProperties cacheProperties) {
        this.commerce = commerce;
        this.breaker = breakers.circuitBreaker(BREAKER);
        this.meters = meters;
        this.cache = Caffeine.newBuilder().maximumSize(cacheProperties.maxSize())
                .expireAfter(new LookupExpiry(cacheProperties)).build();
    }

    /** What commerce said about one id: the endpoint, or none (unknown, or its provider no longer configured). */
    private record Lookup(Optional<PaymentEndpoint> endpoint) {
    }

    /**
     * The endpoint {@code endpointId} names, or empty when commerce does not know it.
     *
     * @throws EndpointLookupUnavailableException when commerce cannot be asked now
     */
    public Optional<PaymentEndpoint> find(String endpointId) {
        Lookup cached = cache.getIfPresent(endpointId);
        if (cached != null) {
            count("cached");
            return cached.endpoint();
        }
        Lookup fresh = ask(endpointId);
        cache.put(endpointId, fresh);
        count(fresh.endpoint().isPresent() ? "found" : "unknown");
        return fresh.endpoint();
    }

    private Lookup ask(String endpointId) {
        try {
            return breaker.executeSupplier(() -> {
                try {
                    return new Lookup(Optional.of(commerce.find(endpointId).toEndpoint(endpointId)));
                } catch (FeignException.NotFound unknown) {
                    // An answer, not a failure: it must not count towards opening the breaker.
                    return new Lookup(Optional.empty());
                }
            });
        } catch (RuntimeException e) {
            String reason = reasonOf(e);
            count(reason);
            // Only the reason and the status: an exception's message may carry commerce's answer body.
            log.warn("Payment endpoint {} cannot be looked up in commerce: {}{}", endpointId, reason,
                    e instanceof FeignException f && f.status() > 0 ? " (HTTP " + f.status() + ")" : "");
            throw new EndpointLookupUnavailableException(reason);
        }
    }

    private static String reasonOf(RuntimeException e) {
        if (e instanceof CallNotPermittedException) {
            return "breaker_open";
        }
        if (e instanceof RetryableException && e.getCause() instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (e instanceof RetryableException) {
            return "unreachable";
        }
        if (e instanceof DecodeException || e instanceof EndpointAnswer.InvalidAnswerException) {
            return "invalid_answer";
        }
        if (e instanceof FeignException) {
            return "error_answer";
        }
        if (e instanceof IllegalStateException) {
            return "no_service_token"; // ServiceToken refuses to build a header without a configured token
        }
        return "failed";
    }

    private void count(String result) {
        meters.counter("sellavie.ingest.payment.endpoint_lookups", "result", result).increment();
    }

    /** Known endpoints live longer than unknown ids; a read does not extend either. */
    private static final class LookupExpiry implements Expiry<String, Lookup> {

        private final long foundNanos;
        private final long unknownNanos;

        LookupExpiry(EndpointCacheProperties properties) {
            this.foundNanos = properties.foundTtl().toNanos();
            this.unknownNanos = properties.unknownTtl().toNanos();
        }

        @Override
        public long expireAfterCreate(String key, Lookup value, long currentTime) {
            return value.endpoint().isPresent() ? foundNanos : unknownNanos;
        }

        @Override
        public long expireAfterUpdate(String key, Lookup value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Lookup value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
