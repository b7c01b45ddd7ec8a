package com.sellavie.schemas.registry;

import com.sellavie.schemas.Topic;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers, for every event type of the given topics, the generated class's schema ({@code SCHEMA$}, with
 * its {@code avro.java.string} markers, exactly what the serializer looks up) under the subject
 * {@code <topic>-<record full name>}, after pinning that subject's rule to {@link #COMPATIBILITY}.
 *
 * <p>Idempotent: the registry answers an already registered schema with its existing id and a rule
 * that is already set stays as it is, so every service may run this at each start. Services serialize
 * with auto-registration off, so a record can only go out with a schema registered here.
 */
public final class SchemaRegistrar {

    /** The rule the build gate checks and the registry enforces: every version reads, and is read by, every other. */
    public static final String COMPATIBILITY = "FULL_TRANSITIVE";

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistrar.class);

    private final ConfluentCompatApi api;

    /** @param registryBaseUrl {@code http://host:port} of the registry (or any URL of its APIs) */
    public SchemaRegistrar(String registryBaseUrl) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), registryBaseUrl);
    }

    public SchemaRegistrar(HttpClient http, String registryBaseUrl) {
        this.api = new ConfluentCompatApi(http, registryBaseUrl);
    }

    /** Registers every event type of {@code topics}; returns subject to schema id (the id on the wire). */
    public static Map<String, Long> registerAll(String registryBaseUrl, Collection<Topic> topics) {
        return new SchemaRegistrar(registryBaseUrl).registerAll(topics);
    }

    public Map<String, Long> registerAll(Collection<Topic> topics) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Topic topic : topics) {
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                String subject = topic.subjectFor(type);
                ids.put(subject, register(subject, schemaOf(type)));
            }
        }
        log.info("Registered {} event schemas ({} rule)", ids.size(), COMPATIBILITY);
        return ids;
    }

    /**
     * Pins the subject's rule, then registers {@code schema} under it. The rule goes first so that a
     * new version is checked against every earlier one, even on the subject's first registration.
     *
     * @throws SchemaRegistrationException whose {@code isIncompatible()} is true when the rule rejects the schema
     */
    public long register(String subject, Schema schema) {
        api.setCompatibility(subject, COMPATIBILITY);
        long id = api.register(subject, schema.toString());
        log.debug("Schema of {} has id {}", subject, id);
        return id;
    }

    /** The compatibility rule the registry holds for {@code subject}. */
    public String compatibilityOf(String subject) {
        return api.compatibility(subject);
    }

    /** The generated class's own schema, the one its serializer writes with. */
    public static Schema schemaOf(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type);
    }
}
