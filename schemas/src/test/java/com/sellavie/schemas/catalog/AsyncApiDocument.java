package com.sellavie.schemas.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sellavie.schemas.EventHeaders;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The catalog as an AsyncAPI 3.0 document: a channel per topic (its Kafka binding with partitions and
 * cleanup policy), a send operation per topic, a message per event type with its Avro schema, headers,
 * key and the registry's subject naming (Kafka bindings 0.5.0).
 */
final class AsyncApiDocument {

    static final String ASYNCAPI_VERSION = "3.0.0";
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    /** AsyncAPI's name for an Avro schema in JSON; the contracts use nothing newer than Avro 1.9. */
    static final String AVRO_SCHEMA_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";
    /** A Java-generation hint in the registered schemas, of no use to other readers. */
    private static final String JAVA_STRING_PROP = "avro.java.string";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private AsyncApiDocument() {
    }

    static String yaml(List<EventCatalog.TopicEvents> topics) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", ASYNCAPI_VERSION);
        doc.put("info", info());
        doc.put("servers", servers());
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (EventCatalog.TopicEvents entry : topics) {
            String channelId = channelId(entry.topic());
            channels.put(channelId, channel(entry));
            operations.put("publish_" + channelId, operation(entry, channelId));
            for (EventCatalog.Event event : entry.events()) {
                messages.put(event.name(), message(entry.topic(), event));
            }
        }
        doc.put("channels", channels);
        doc.put("operations", operations);
        doc.put("components", Map.of("messages", messages));
        try {
            return "# Generated from com.sellavie.schemas.Topics and the Avro contracts: do not edit.\n"
                    + "# Regenerate: " + EventCatalog.REGENERATE + "\n"
                    + YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** AsyncAPI 3 component keys allow letters, digits, '_' and '-': a topic's '.' becomes '_'. */
    static String channelId(Topic topic) {
        return topic.name().replace('.', '_');
    }

    private static Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Sellavie events");
        info.put("version", "1.0.0");
        info.put("description", """
                Every Kafka topic Sellavie publishes and the events it carries. Values are Avro in the \
                Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary); the id is \
                resolved through the registry's Confluent-compatible API (GET /schemas/ids/{id}). Each \
                event type has its own subject, <topic>-<record full name> (TopicRecordNameStrategy), \
                with compatibility %s. Keys are plain UTF-8 strings. Readable page and decoding recipes: \
                docs/events/README.md.""".formatted(SchemaRegistrar.COMPATIBILITY));
        return info;
    }

    private static Map<String, Object> servers() {
        Map<String, Object> servers = new LinkedHashMap<>();
        servers.put("local", server("localhost:9092", "http://localhost:8090/apis/ccompat/v7",
                "The local stack (./sellavie up): Kafka and the Apicurio registry on this machine."));
        servers.put("compose", server("kafka:9092", "http://registry:8080/apis/ccompat/v7",
                "docker-compose.yml, from inside its network (neither port is published)."));
        return servers;
    }

    private static Map<String, Object> server(String host, String registry, String description) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("host", host);
        server.put("protocol", "kafka");
        server.put("description", description);
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("schemaRegistryUrl", registry);
        kafka.put("schemaRegistryVendor", "apicurio");
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        server.put("bindings", Map.of("kafka", kafka));
        return server;
    }

    private static Map<String, Object> channel(EventCatalog.TopicEvents entry) {
        Topic topic = entry.topic();
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("address", topic.name());
        channel.put("title", topic.name());
        channel.put("description", "Key: " + topic.keyDescription() + ". Cleanup policy " + topic.cleanupPolicy()
                + "; retention: " + entry.retention() + "; " + Topics.PARTITIONS + " partitions. Records its "
                + "consumers give up on go to " + topic.deadLetterTopic() + " (same key, value and headers, "
                + "plus Spring Kafka's kafka_dlt-* headers).");
        Map<String, Object> refs = new LinkedHashMap<>();
        for (EventCatalog.Event event : entry.events()) {
            refs.put(event.name(), Map.of("$ref", "#/components/messages/" + event.name()));
        }
        channel.put("messages", refs);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("cleanup.policy", List.of(topic.cleanupPolicy()));
        if (!topic.compacted()) {
            configuration.put("retention.ms", EventCatalog.DELETE_RETENTION_MS);
        }
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("topic", topic.name());
        kafka.put("partitions", Topics.PARTITIONS);
        kafka.put("topicConfiguration", configuration);
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        channel.put("bindings", Map.of("kafka", kafka));
        return channel;
    }

    private static Map<String, Object> operation(EventCatalog.TopicEvents entry, String channelId) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("action", "send");
        operation.put("channel", Map.of("$ref", "#/channels/" + channelId));
        operation.put("summary", "Publish to " + entry.topic().name() + " through the producer's transactional "
                + "outbox and relay: at least once, in order per key; consumers deduplicate by eventId.");
        List<Object> refs = new ArrayList<>();
        for (EventCatalog.Event event : entry.events()) {
            refs.add(Map.of("$ref", "#/channels/" + channelId + "/messages/" + event.name()));
        }
        operation.put("messages", refs);
        return operation;
    }

    private static Map<String, Object> message(Topic topic, EventCatalog.Event event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", event.name());
        message.put("title", event.name());
        message.put("summary", event.schema().getDoc());
        message.put("contentType", "application/vnd.apache.avro+binary");
        message.put("headers", headers(event));
        message.put("payload", ordered("schemaFormat", AVRO_SCHEMA_FORMAT, "schema", avroSchema(event.schema())));
        message.put("correlationId", ordered(
                "description", "Shared by every event of one journey; causationId names the event that caused this one.",
                "location", "$message.payload#/" + EventMetadata.CORRELATION_ID));
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("key", ordered("type", "string", "description", topic.keyDescription()));
        kafka.put("schemaIdLocation", "payload");
        kafka.put("schemaIdPayloadEncoding", "confluent");
        kafka.put("schemaLookupStrategy", "TopicRecordNameStrategy");
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        message.put("bindings", Map.of("kafka", kafka));
        message.put("x-registry-subject", event.subject());
        message.put("x-schema-version", event.version());
        message.put("x-compatibility", SchemaRegistrar.COMPATIBILITY);
        return message;
    }

    private static Map<String, Object> headers(EventCatalog.Event event) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        EventHeaders.DESCRIPTIONS.forEach((name, description) -> {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("type", "string");
            if (EventHeaders.EVENT_TYPE.equals(name)) {
                header.put("const", event.name());
            }
            header.put("description", description);
            properties.put(name, header);
            if (EventHeaders.alwaysPresent(name)) {
                required.add(name);
            }
        });
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("type", "object");
        headers.put("required", required);
        headers.put("properties", properties);
        return headers;
    }

    /** A map that keeps its keys in the order given: Map.of's order changes from one JVM to the next. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The schema as registered, minus the Java-only string markers. */
    static JsonNode avroSchema(Schema schema) {
        try {
            JsonNode tree = JSON.readTree(schema.toString());
            stripJavaHints(tree);
            return tree;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stripJavaHints(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(JAVA_STRING_PROP);
        }
        node.forEach(AsyncApiDocument::stripJavaHints);
    }
}
