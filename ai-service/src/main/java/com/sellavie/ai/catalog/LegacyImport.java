package com.sellavie.ai.catalog;

import com.sellavie.ai.catalog.CommerceCatalogClient.ImportRequest;
import com.sellavie.ai.catalog.CommerceCatalogClient.ImportResult;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One call of commerce's legacy import with resilience4j's policy {@value #POLICY}
 * ({@code resilience4j.retry/circuitbreaker.instances} in application.yml): connection failures,
 * timeouts and 5xx retried a few times with backoff; a commerce that keeps failing opens the breaker,
 * so later runs fail fast until it has recovered. 4xx is commerce's answer, never retried. The retry wraps the
 * breaker, as resilience4j's annotations order them; decorated in code, so the service needs no AspectJ (its
 * pointcut matching cost a fifth of a start-up, docs/benchmarks.md "Local stack start-up").
 */
@Component
class LegacyImport {

    static final String POLICY = "commerce-legacy-import";

    private final CommerceCatalogClient commerce;
    private final Retry retry;
    private final CircuitBreaker breaker;

    LegacyImport(CommerceCatalogClient commerce, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        this.commerce = commerce;
        this.retry = retries.retry(POLICY);
        this.breaker = breakers.circuitBreaker(POLICY);
    }

    public ImportResult send(ImportRequest request) {
        Supplier<ImportResult> guarded = CircuitBreaker.decorateSupplier(breaker, () -> commerce.legacyImport(request));
        return retry.executeSupplier(guarded);
    }
}
