package com.sellavie.schemas.catalog;

import com.sellavie.schemas.EventHeaders;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import java.util.List;
import java.util.Locale;

/** The catalog as a Markdown page: how to read the topics, then every topic, event and field. */
final class CatalogPage {

    private CatalogPage() {
    }

    static String markdown(List<EventCatalog.TopicEvents> topics) {
        StringBuilder page = new StringBuilder();
        page.append("""
                # Event catalog

                <!-- Generated from com.sellavie.schemas.Topics and the Avro contracts: do not edit. -->

                Every Kafka topic Sellavie publishes, the events it carries and their fields, generated from
                `com.sellavie.schemas.Topics` and the contracts in `schemas/src/main/avro/`. The same content as an
                AsyncAPI 3.0 document: [asyncapi.yaml](asyncapi.yaml). Which service consumes what:
                [architecture](../architecture.md#events-and-topics); contract rules and how to evolve an event:
                [schemas/README.md](../../schemas/README.md).

                The `schemas` build fails when this page or `asyncapi.yaml` is out of date
                (`EventCatalogTest`). After changing an event or a topic, regenerate both from the repository root:

                ```
                %s
                ```

                ## On the wire

                - **Value**: Avro in the Confluent wire format: magic byte `0`, the schema id as 4 bytes big-endian,
                  then the Avro binary encoding. The id is the registry's: `GET /apis/ccompat/v7/schemas/ids/{id}` on
                  the Apicurio registry returns the writer's schema (self-contained, no references).
                - **Key**: a UTF-8 string, the aggregate the event is about (per topic below), so one aggregate's
                  events stay in order on one partition.
                - **Subject**: one per event type, `<topic>-<record full name>` (Confluent's TopicRecordNameStrategy),
                  e.g. `ai.replies-com.sellavie.events.ai.ReplyGenerated`.
                - **Compatibility**: `%s` on every subject: every version of a contract reads data written with
                  every other, so producers and consumers deploy in any order. Enforced twice: by the build's
                  compatibility gate (`CompatibilityGateTest` checks every released version in
                  `schemas/src/main/avro-history/<Event>/` against every other, both directions) and by the registry
                  (each service pins the rule at start-up; a breaking schema is refused with HTTP 409).
                - **Delivery**: through each producer's transactional outbox and relay, at least once, in order per
                  key; consumers deduplicate by `eventId`.
                - **Partitions**: %d per topic and per dead-letter topic (the ceiling of one consumer group's
                  parallelism). **Retention**: topics with cleanup policy `delete` keep %s; compacted topics keep
                  %s.
                - **Dead letters**: a record a consumer gives up on goes to `<topic>.dlt` with its original key, value
                  and headers, plus Spring Kafka's `kafka_dlt-*` headers (exception, original topic, partition,
                  offset, consumer group). Operators list and replay them with `./sellavie dlt`.

                Every event starts with the same five fields: %s.

                ### Headers

                Set by the relay on every record, values as UTF-8 strings:

                | header | always | meaning |
                |---|---|---|
                """.formatted(EventCatalog.REGENERATE, SchemaRegistrar.COMPATIBILITY, Topics.PARTITIONS,
                EventCatalog.DELETE_RETENTION, EventCatalog.COMPACT_RETENTION,
                String.join(", ", EventMetadata.FIELDS.stream().map(f -> "`" + f + "`").toList())));
        EventHeaders.DESCRIPTIONS.forEach((name, meaning) -> page.append("| `").append(name).append("` | ")
                .append(EventHeaders.alwaysPresent(name) ? "yes" : "no").append(" | ").append(cell(meaning))
                .append(" |\n"));

        page.append("\n## Topics\n\n| topic | event types | key | cleanup policy | partitions |\n|---|---|---|---|---|\n");
        for (EventCatalog.TopicEvents entry : topics) {
            page.append("| [`").append(entry.topic().name()).append("`](#").append(anchor(entry.topic().name()))
                    .append(") | ").append(String.join(", ", entry.events().stream()
                            .map(e -> "[" + e.name() + "](#" + anchor(e.name()) + ")").toList()))
                    .append(" | ").append(cell(entry.topic().keyDescription())).append(" | ")
                    .append(entry.topic().cleanupPolicy()).append(" | ").append(Topics.PARTITIONS).append(" |\n");
        }

        page.append(DecodingRecipes.MARKDOWN);

        for (EventCatalog.TopicEvents entry : topics) {
            appendTopic(page, entry);
        }
        return page.toString();
    }

    private static void appendTopic(StringBuilder page, EventCatalog.TopicEvents entry) {
        page.append("\n## `").append(entry.topic().name()).append("`\n\n")
                .append("- Key: ").append(entry.topic().keyDescription()).append('\n')
                .append("- Cleanup policy `").append(entry.topic().cleanupPolicy()).append("`; retention: ")
                .append(entry.retention()).append('\n')
                .append("- Partitions: ").append(Topics.PARTITIONS).append("; dead letters: `")
                .append(entry.topic().deadLetterTopic()).append("`\n");
        for (EventCatalog.Event event : entry.events()) {
            page.append("\n### ").append(event.name()).append("\n\n")
                    .append(event.schema().getDoc()).append("\n\n")
                    .append("Subject `").append(event.subject()).append("`, version ").append(event.version())
                    .append(" (`schemas/src/main/avro-history/").append(event.name()).append("/`), ")
                    .append(SchemaRegistrar.COMPATIBILITY).append(". Contract: `schemas/src/main/avro/")
                    .append(owner(event)).append('/').append(event.name()).append(".avsc`.\n\n")
                    .append("| field | type | optional | default | doc |\n|---|---|---|---|---|\n");
            for (AvroFieldRows.Row row : AvroFieldRows.of(event.schema())) {
                page.append("| `").append(row.path()).append("` | ").append(cell(row.type())).append(" | ")
                        .append(row.optional() ? "yes" : "").append(" | ")
                        .append(row.defaultValue() == null ? "" : "`" + row.defaultValue() + "`").append(" | ")
                        .append(cell(row.doc())).append(" |\n");
            }
        }
    }

    /** The contract's folder: the last segment of its namespace (com.sellavie.events.<owner>). */
    private static String owner(EventCatalog.Event event) {
        String namespace = event.schema().getNamespace();
        return namespace.substring(namespace.lastIndexOf('.') + 1);
    }

    /** GitHub's heading anchor: lower case, punctuation but '-' and '_' dropped, spaces as '-'. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** Text fit for one table cell. */
    private static String cell(String text) {
        return text.replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }
}
