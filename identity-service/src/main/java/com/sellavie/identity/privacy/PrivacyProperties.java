package com.sellavie.identity.privacy;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.privacy}: the services that must answer every request before it is complete
 * (identity-service answers its own part at once), and how many requests the console's list shows.
 */
@ConfigurationProperties("sellavie.privacy")
record PrivacyProperties(List<String> services, Integer listLimit) {

    /** identity's own name in the task rows. */
    static final String IDENTITY = "identity-service";

    static final List<String> DEFAULT_SERVICES = List.of("conversation-service", "commerce-service", "ai-service",
            "notification-service", "webhook-ingest-service", IDENTITY);

    PrivacyProperties {
        services = services == null || services.isEmpty() ? DEFAULT_SERVICES
                : services.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        listLimit = listLimit == null ? 50 : listLimit;
    }
}
