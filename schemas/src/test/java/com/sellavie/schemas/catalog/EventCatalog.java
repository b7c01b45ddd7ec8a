package com.sellavie.schemas.catalog;

import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.history.SchemaHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The event catalog, generated from {@link Topics} and the Avro contracts: an AsyncAPI 3.0 document and
 * a readable page, both under {@code docs/events/}. {@code EventCatalogTest} fails the build when the
 * committed files differ from what this generates.
 */
final class EventCatalog {

    /** Rewrites docs/events from the current contracts (run from the repository root). */
    static final String REGENERATE = "./mvnw -B -o -q -pl schemas test-compile exec:java@event-catalog";
    /** docs/events, relative to the schemas module (the tests' working directory). */
    static final Path MODULE_OUTPUT = Path.of("..", "docs", "events");
    static final String ASYNCAPI_FILE = "asyncapi.yaml";
    static final String PAGE_FILE = "README.md";

    /** Kafka's default {@code log.retention.hours} (168); neither the brokers nor any topic here override it. */
    static final long DELETE_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;
    static final String DELETE_RETENTION = "7 days (the broker default, log.retention.hours=168; no topic overrides it)";
    static final String COMPACT_RETENTION = "the latest record of each key, indefinitely";

    /** One event type as it travels on its topic. */
    record Event(Class<? extends SpecificRecord> type, Schema schema, String subject, int version) {

        String name() {
            return schema.getName();
        }
    }

    /** One topic and its event types, in {@link Topic#valueTypes()} order. */
    record TopicEvents(Topic topic, List<Event> events) {

        String retention() {
            return topic.compacted() ? COMPACT_RETENTION : DELETE_RETENTION;
        }
    }

    private EventCatalog() {
    }

    static List<TopicEvents> topics(SchemaHistory history) {
        return Topics.ALL.stream().map(topic -> new TopicEvents(topic, topic.valueTypes().stream().map(type -> {
            Schema schema = SpecificData.get().getSchema(type);
            return new Event(type, schema, topic.subjectFor(type), history.versionsOf(schema.getName()).size());
        }).toList())).toList();
    }

    /** File name to content: what docs/events must hold. */
    static Map<String, String> render(SchemaHistory history) {
        List<TopicEvents> topics = topics(history);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ASYNCAPI_FILE, AsyncApiDocument.yaml(topics));
        files.put(PAGE_FILE, CatalogPage.markdown(topics));
        return files;
    }

    static void write(Path dir, SchemaHistory history) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : render(history).entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
