package com.sellavie.schemas.serde;

import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.avro.strategy.TopicRecordIdStrategy;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * Configuration of Apicurio's Avro serde for Sellavie's wire format: the Confluent format (magic
 * byte 0, 4-byte schema id, Avro binary), subjects named {@code <topic>-<record full name>}, and
 * self-contained (dereferenced) schemas so plain Confluent-format readers can decode every topic.
 */
public final class EventSerdeConfig {

    private EventSerdeConfig() {
    }

    /** Serializer settings. {@code autoRegister} is false in services: schemas are registered at start-up. */
    public static Map<String, Object> serializer(String registryBaseUrl, boolean autoRegister) {
        Map<String, Object> config = common(registryBaseUrl);
        config.put(SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, TopicRecordIdStrategy.class.getName());
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
        config.put(SerdeConfig.DEREFERENCE_SCHEMA, true);
        return config;
    }

    /** Deserializer settings: decode into the generated SpecificRecord classes. */
    public static Map<String, Object> deserializer(String registryBaseUrl) {
        Map<String, Object> config = common(registryBaseUrl);
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    private static Map<String, Object> common(String registryBaseUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, apicurioApi(registryBaseUrl));
        config.put(KafkaSerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.ID_HANDLER, "io.apicurio.registry.serde.Default4ByteIdHandler");
        return config;
    }

    /** Accepts a bare base URL ({@code http://host:port}) or one already ending in the API path. */
    public static String apicurioApi(String registryBaseUrl) {
        String base = registryBaseUrl.endsWith("/") ? registryBaseUrl.substring(0, registryBaseUrl.length() - 1)
                : registryBaseUrl;
        return base.contains("/apis/") ? base : base + "/apis/registry/v3";
    }
}
