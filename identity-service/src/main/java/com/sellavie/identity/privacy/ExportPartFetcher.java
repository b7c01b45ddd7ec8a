package com.sellavie.identity.privacy;

import io.github.resilience4j.retry.annotation.Retry;
import java.net.URI;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fetches one service's export part from its configured base URL ({@code sellavie.privacy.export-urls}),
 * retried on connection failures, timeouts and 5xx (resilience4j instance {@value #RETRY}).
 */
@Component
class ExportPartFetcher {

    static final String RETRY = "privacy-export-part";

    private final ExportPartClient client;
    private final PrivacyProperties properties;
    private final Environment environment;

    ExportPartFetcher(ExportPartClient client, PrivacyProperties properties, Environment environment) {
        this.client = client;
        this.properties = properties;
        this.environment = environment;
    }

    @Retry(name = RETRY)
    String fetch(String service, UUID requestId) {
        String baseUrl = properties.exportUrls().get(service);
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("No export URL for " + service + " (sellavie.privacy.export-urls."
                    + service + ")");
        }
        // Resolved at call time: a URL may name what is known only once the server runs (tests: its port).
        return client.part(URI.create(environment.resolveRequiredPlaceholders(baseUrl)), requestId);
    }
}
