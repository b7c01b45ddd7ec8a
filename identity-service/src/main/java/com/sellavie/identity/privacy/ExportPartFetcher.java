package com.sellavie.identity.privacy;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fetches one service's export part from its configured base URL ({@code sellavie.privacy.export-urls}),
 * retried on connection failures, timeouts and 5xx (resilience4j instance {@value #RETRY}). Decorated in code rather
 * than with {@code @Retry}: no service here loads AspectJ, whose pointcut matching over every bean cost a fifth of a
 * service's start-up (docs/benchmarks.md "Local stack start-up").
 */
@Component
class ExportPartFetcher {

    static final String RETRY = "privacy-export-part";

    private final ExportPartClient client;
    private final PrivacyProperties properties;
    private final Environment environment;
    private final Retry retry;

    ExportPartFetcher(ExportPartClient client, PrivacyProperties properties, Environment environment,
            RetryRegistry retries) {
        this.client = client;
        this.properties = properties;
        this.environment = environment;
        this.retry = retries.retry(RETRY);
    }

    String fetch(String service, UUID requestId) {
        String baseUrl = properties.exportUrls().get(service);
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("No export URL for " + service + " (sellavie.privacy.export-urls."
                    + service + ")");
        }
        // Resolved at call time: a URL may name what is known only once the server runs (tests: its port).
        URI url = URI.create(environment.resolveRequiredPlaceholders(baseUrl));
        return retry.executeSupplier(() -> client.part(url, requestId));
    }
}
