package com.sellavie.schemas.serde;

import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/**
 * Configuration of Apicurio's Avro serde for Sellavie's wire format: the Confluent format (magic
 * byte 0, 4-byte schema id, Avro binary), subjects named {@code <topic>-<record full name>}, and
 * self-contained (dereferenced) schemas so plain Confluent-format readers can decode every topic.
 *
 * <p>The serializer finds a record's id by looking up the record class's own schema in its subject
 * (never "the latest version": a producer still on an older class must not stamp its bytes with a
 * newer schema's id). Ids are cached after the first lookup.
 *
 * <p>Lifecycle: the serde's registry client runs on Vert.x. Without {@link #withVertx} it uses a
 * JVM-wide daemon Vert.x instance that lives until the JVM exits; a component with a lifecycle (a
 * Spring context, a test) passes its own Vert.x and closes it after closing its producers and
 * consumers ({@link EventSerdes} does both).
 */
public final class EventSerdeConfig {

    private EventSerdeConfig() {
    }

    /** Serializer settings. {@code autoRegister} is false in services: schemas are registered at start-up. */
    public static Map<String, Object> serializer(String registryBaseUrl, boolean autoRegister) {
        Map<String, Object> config = common(registryBaseUrl);
        config.put(SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, TopicRecordSubjectStrategy.class.getName());
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, autoRegister);
        // Look the writer's exact schema up by content; find-latest would encode with whatever is newest.
        config.put(SerdeConfig.FIND_LATEST_ARTIFACT, false);
        config.put(SerdeConfig.DEREFERENCE_SCHEMA, true);
        return config;
    }

    /** Deserializer settings: decode into the generated SpecificRecord classes. */
    public static Map<String, Object> deserializer(String registryBaseUrl) {
        Map<String, Object> config = common(registryBaseUrl);
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        return config;
    }

    /** The same settings with the serde's registry client running on {@code vertx}, which the caller closes. */
    public static Map<String, Object> withVertx(Map<String, Object> config, Vertx vertx) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.put(SerdeConfig.VERTX_INSTANCE, vertx);
        return copy;
    }

    private static Map<String, Object> common(String registryBaseUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, apicurioApi(registryBaseUrl));
        config.put(KafkaSerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.ID_HANDLER, "io.apicurio.registry.serde.Default4ByteIdHandler");
        // A content id never changes meaning: when a periodic cache refresh cannot reach the registry, keep
        // using the cached entry rather than failing the business transaction that is serializing.
        config.put(SerdeConfig.FAULT_TOLERANT_REFRESH, true);
        return config;
    }

    /** Accepts a bare base URL ({@code http://host:port}) or one already ending in the API path. */
    public static String apicurioApi(String registryBaseUrl) {
        String base = registryBaseUrl.endsWith("/") ? registryBaseUrl.substring(0, registryBaseUrl.length() - 1)
                : registryBaseUrl;
        return base.contains("/apis/") ? base : base + "/apis/registry/v3";
    }
}
