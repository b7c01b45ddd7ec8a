package com.sellavie.ai.catalog;

import com.sellavie.ai.catalog.CommerceCatalogClient.ImportRequest;
import com.sellavie.ai.catalog.CommerceCatalogClient.ImportResult;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import org.springframework.stereotype.Component;

/**
 * One call of commerce's legacy import with resilience4j's policy {@value #POLICY}
 * ({@code resilience4j.retry/circuitbreaker.instances} in application.yml): connection failures,
 * timeouts and 5xx retried a few times with backoff; a commerce that keeps failing opens the breaker,
 * so later runs fail fast until it has recovered. 4xx is commerce's answer, never retried.
 */
@Component
class LegacyImport {

    static final String POLICY = "commerce-legacy-import";

    private final CommerceCatalogClient commerce;

    LegacyImport(CommerceCatalogClient commerce) {
        this.commerce = commerce;
    }

    @Retry(name = POLICY)
    @CircuitBreaker(name = POLICY)
    public ImportResult send(ImportRequest request) {
        return commerce.legacyImport(request);
    }
}
