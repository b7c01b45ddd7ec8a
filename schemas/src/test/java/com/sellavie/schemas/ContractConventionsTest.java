package com.sellavie.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The house rules of a contract (STYLE.md "Events on the wire"), checked on every event type. */
class ContractConventionsTest {

    @Test
    void everyTopicEventTypeHasAFixture() {
        assertThat(EventFixtures.types()).containsExactlyInAnyOrderElementsOf(Topics.eventTypes());
    }

    @Test
    void eventsLiveInTheNamespaceOfTheTopicOwner() {
        for (Topic topic : Topics.ALL) {
            String owner = topic.name().substring(0, topic.name().indexOf('.'));
            for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                assertThat(schema(type).getNamespace()).as(type.getSimpleName())
                        .isEqualTo("com.sellavie.events." + owner);
            }
        }
    }

    @Test
    void eventNamesAreFactsOrRequestsWithoutAnEventSuffix() {
        assertThat(Topics.eventTypes()).extracting(t -> schema(t).getName())
                .allSatisfy(name -> assertThat(name).doesNotEndWith("Event"));
    }

    @Test
    void everyFieldIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            forEachField(schema(type), new HashSet<>(), (record, field) -> {
                if (field.doc() == null || field.doc().isBlank()) {
                    undocumented.add(record.getName() + "." + field.name());
                }
            });
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyOptionalFieldDefaultsToNull() {
        List<String> withoutDefault = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            forEachField(schema(type), new HashSet<>(), (record, field) -> {
                if (field.schema().isNullable() && field.defaultVal() != JsonProperties.NULL_VALUE) {
                    withoutDefault.add(record.getName() + "." + field.name());
                }
            });
        }
        assertThat(withoutDefault).isEmpty();
    }

    @Test
    void nestedRecordNamesAreUniqueAcrossEvents() {
        Set<String> seen = new HashSet<>();
        List<String> shared = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            for (Schema nested : namedTypes(schema(type))) {
                if (!seen.add(nested.getFullName())) {
                    shared.add(nested.getFullName());
                }
            }
        }
        assertThat(shared).as("named types defined by more than one event").isEmpty();
    }

    private interface FieldVisitor {
        void visit(Schema record, Schema.Field field);
    }

    private static void forEachField(Schema schema, Set<String> visited, FieldVisitor visitor) {
        switch (schema.getType()) {
            case RECORD -> {
                if (visited.add(schema.getFullName())) {
                    for (Schema.Field field : schema.getFields()) {
                        visitor.visit(schema, field);
                        forEachField(field.schema(), visited, visitor);
                    }
                }
            }
            case ARRAY -> forEachField(schema.getElementType(), visited, visitor);
            case MAP -> forEachField(schema.getValueType(), visited, visitor);
            case UNION -> schema.getTypes().forEach(branch -> forEachField(branch, visited, visitor));
            default -> { }
        }
    }

    private static List<Schema> namedTypes(Schema event) {
        List<Schema> named = new ArrayList<>();
        forEachField(event, new HashSet<>(), (record, field) -> collectNamed(field.schema(), named));
        return named.stream().distinct().toList();
    }

    private static void collectNamed(Schema schema, List<Schema> named) {
        switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> named.add(schema);
            case ARRAY -> collectNamed(schema.getElementType(), named);
            case MAP -> collectNamed(schema.getValueType(), named);
            case UNION -> schema.getTypes().forEach(branch -> collectNamed(branch, named));
            default -> { }
        }
    }

    private static Schema schema(Class<? extends SpecificRecord> type) {
        return SpecificData.get().getSchema(type);
    }
}
