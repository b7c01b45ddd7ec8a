package com.sellavie.schemas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sellavie.schemas.EventHeaders;
import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.history.SchemaHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** docs/events is the catalog of today's topics and contracts: generated, committed, never stale. */
class EventCatalogTest {

    private static final Path FRESH_COPY = Path.of("target", "event-catalog");

    @Test
    void theCommittedCatalogIsUpToDateWithTopicsAndTheContracts() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : EventCatalog.render(new SchemaHistory(SchemaHistory.MODULE_DIR)).entrySet()) {
            Path committed = EventCatalog.MODULE_OUTPUT.resolve(file.getKey());
            if (!Files.exists(committed) || !Files.readString(committed, StandardCharsets.UTF_8).equals(file.getValue())) {
                Files.createDirectories(FRESH_COPY);
                Files.writeString(FRESH_COPY.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                stale.add("docs/events/" + file.getKey());
            }
        }
        if (!stale.isEmpty()) {
            fail(String.join(", ", stale) + " out of date with com.sellavie.schemas.Topics and the Avro contracts. "
                    + "Regenerate from the repository root and commit: " + EventCatalog.REGENERATE
                    + " (what it will write is in schemas/" + FRESH_COPY + "/)");
        }
    }

    @Test
    void theAsyncApiDocumentHasEveryTopicAndEveryEventWithItsSchemaSubjectAndKey() throws IOException {
        JsonNode doc = committedAsyncApi();

        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(StreamSupport.stream(doc.path("channels").spliterator(), false).map(c -> c.path("address").asText()))
                .containsExactlyElementsOf(Topics.ALL.stream().map(Topic::name).toList());
        for (Topic topic : Topics.ALL) {
            JsonNode binding = doc.path("channels").path(AsyncApiDocument.channelId(topic)).path("bindings").path("kafka");
            assertThat(binding.path("partitions").asInt()).as(topic.name()).isEqualTo(Topics.PARTITIONS);
            assertThat(binding.path("topicConfiguration").path("cleanup.policy").get(0).asText()).as(topic.name())
                    .isEqualTo(topic.compacted() ? "compact" : "delete");
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                Schema schema = SpecificData.get().getSchema(type);
                JsonNode message = doc.path("components").path("messages").path(schema.getName());
                assertThat(message.path("x-registry-subject").asText()).isEqualTo(topic.subjectFor(type));
                assertThat(message.path("bindings").path("kafka").path("key").path("description").asText())
                        .isEqualTo(topic.keyDescription());
                Schema documented = new Schema.Parser().parse(message.path("payload").path("schema").toString());
                assertThat(SchemaNormalization.toParsingForm(documented)).as(schema.getName())
                        .isEqualTo(SchemaNormalization.toParsingForm(schema));
                assertThat(fieldNames(message.path("headers").path("properties")))
                        .containsExactlyElementsOf(EventHeaders.names());
                assertThat(message.path("headers").path("properties").path(EventHeaders.EVENT_TYPE).path("const").asText())
                        .isEqualTo(schema.getName());
            }
        }
    }

    @Test
    void thePageShowsEveryTopicEventAndFieldWithItsDoc() throws IOException {
        String page = Files.readString(EventCatalog.MODULE_OUTPUT.resolve(EventCatalog.PAGE_FILE), StandardCharsets.UTF_8);

        for (Topic topic : Topics.ALL) {
            assertThat(page).contains("\n## `" + topic.name() + "`\n");
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                Schema schema = SpecificData.get().getSchema(type);
                assertThat(page).contains("\n### " + schema.getName() + "\n\n" + schema.getDoc() + "\n");
                assertThat(page).contains("Subject `" + topic.subjectFor(type) + "`");
                for (Schema.Field field : schema.getFields()) {
                    assertThat(page).as("%s.%s", schema.getName(), field.name())
                            .contains("| `" + field.name() + "` |")
                            .contains(field.doc().replace("|", "\\|") + " |");
                }
            }
        }
        // A branch of a union of records inside an array is spelled out down to its nested fields.
        assertThat(page).contains("| `actions[] CheckoutAction.items[].sku` | string |");
        assertThat(page).contains("| `traceparent` | no |");
    }

    private static JsonNode committedAsyncApi() throws IOException {
        return new YAMLMapper().readTree(EventCatalog.MODULE_OUTPUT.resolve(EventCatalog.ASYNCAPI_FILE).toFile());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
