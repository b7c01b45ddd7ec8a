package com.sellavie.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the schema registry is, and whether the serializer may register schemas itself. Production
 * leaves {@code autoRegister} off: schemas are registered at start-up from the generated classes.
 *
 * <p>{@code sellavie.schema-registry.register-on-startup} (default true) registers every event schema
 * of {@code Topics.ALL} when the service starts.
 *
 * @param url          registry base URL, {@code http://host:port}
 * @param autoRegister let the serializer register unknown schemas (development only)
 */
@ConfigurationProperties("sellavie.schema-registry")
public record SchemaRegistryProperties(String url, boolean autoRegister) {

    String requiredUrl() {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("sellavie.schema-registry.url (SELLAVIE_SCHEMA_REGISTRY_URL) must name "
                    + "the schema registry for a service that publishes events");
        }
        return url;
    }
}
