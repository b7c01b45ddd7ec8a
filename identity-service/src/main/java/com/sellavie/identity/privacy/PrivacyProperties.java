package com.sellavie.identity.privacy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.privacy}: the services that must answer every request before it is complete
 * (identity-service answers its own part at once), how many requests the console's list shows, each
 * service's base URL for its export part, how long an export's archive is kept and how often
 * finished exports are assembled.
 */
@ConfigurationProperties("sellavie.privacy")
record PrivacyProperties(List<String> services, Integer listLimit, Map<String, String> exportUrls, Duration archiveTtl,
        Duration assembleInterval) {

    /** identity's own name in the task rows. */
    static final String IDENTITY = "identity-service";

    static final List<String> DEFAULT_SERVICES = List.of("conversation-service", "commerce-service", "ai-service",
            "notification-service", "webhook-ingest-service", IDENTITY);

    PrivacyProperties {
        services = services == null || services.isEmpty() ? DEFAULT_SERVICES
                : services.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        listLimit = listLimit == null ? 50 : listLimit;
        exportUrls = exportUrls == null ? Map.of() : Map.copyOf(exportUrls);
        archiveTtl = archiveTtl == null ? Duration.ofDays(7) : archiveTtl;
        assembleInterval = assembleInterval == null ? Duration.ofSeconds(10) : assembleInterval;
    }
}
