package com.sellavie.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.ConfluentApi;
import com.sellavie.schemas.EventFixtures;
import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaRegistrarTest {

    private static String registry;
    private static Map<String, Long> ids;

    @BeforeAll
    static void registerEverySchema() {
        registry = TestSchemaRegistry.baseUrl();
        ids = SchemaRegistrar.registerAll(registry, Topics.ALL);
    }

    @Test
    void registersEveryEventTypeUnderItsTopicAndRecordSubject() {
        Set<String> subjects = Topics.ALL.stream().flatMap(t -> t.subjects().stream()).collect(Collectors.toSet());

        assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(ids).containsEntry(
                "ingest.inbound-messages-com.sellavie.events.ingest.InboundMessageReceived",
                ids.get(Topics.INGEST_INBOUND_MESSAGES.subjectFor(InboundMessageReceived.class)));
        assertThat(ids.values()).allSatisfy(id -> assertThat(id).isPositive());
    }

    @Test
    void pinsEverySubjectToTheRuleTheBuildGateChecks() {
        SchemaRegistrar registrar = new SchemaRegistrar(registry);

        assertThat(ids.keySet()).allSatisfy(subject ->
                assertThat(registrar.compatibilityOf(subject)).isEqualTo("FULL_TRANSITIVE"));
    }

    @Test
    void servicesStartingTogetherAllRegisterTheSameSubjects() throws Exception {
        Topic fresh = new Topic("race-" + UUID.randomUUID(), "test key", false, List.of(InboundMessageReceived.class));
        ExecutorService starts = Executors.newFixedThreadPool(6);
        try {
            List<Future<Map<String, Long>>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(starts.submit(() -> SchemaRegistrar.registerAll(registry, List.of(fresh))));
            }
            Set<Map<String, Long>> distinct = new HashSet<>();
            for (Future<Map<String, Long>> result : results) {
                distinct.add(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(distinct).hasSize(1);
            assertThat(new SchemaRegistrar(registry).compatibilityOf(fresh.subjectFor(InboundMessageReceived.class)))
                    .isEqualTo("FULL_TRANSITIVE");
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void registeringAgainIsANoOp() {
        Map<String, Long> again = SchemaRegistrar.registerAll(registry, Topics.ALL);

        assertThat(again).isEqualTo(ids);
        assertThat(ids.keySet()).allSatisfy(subject ->
                assertThat(ConfluentApi.get("/subjects/" + subject + "/versions")).hasSize(1));
    }

    @Test
    void serializerWithoutAutoRegistrationWritesTheRegisteredId() {
        try (AvroKafkaSerializer<SpecificRecord> serializer = serializer()) {
            for (Topic topic : Topics.ALL) {
                for (Class<? extends SpecificRecord> type : topic.valueTypes()) {
                    byte[] bytes = serializer.serialize(topic.name(), EventFixtures.sample(type));

                    assertThat(bytes[0]).as("magic byte of %s", type.getSimpleName()).isZero();
                    assertThat((long) ByteBuffer.wrap(bytes, 1, 4).getInt()).as("schema id of %s", type.getSimpleName())
                            .isEqualTo(ids.get(topic.subjectFor(type)));
                }
            }
        }
    }

    @Test
    void deserializerReturnsTheGeneratedClass() {
        try (AvroKafkaSerializer<SpecificRecord> serializer = serializer();
                AvroKafkaDeserializer<Object> deserializer =
                        RegistryClients.deserializer(EventSerdeConfig.deserializer(registry))) {
            for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
                SpecificRecord event = EventFixtures.sample(type);
                String topic = Topics.of(type).name();

                Object decoded = deserializer.deserialize(topic, serializer.serialize(topic, event));

                assertThat(decoded).isInstanceOf(type).isEqualTo(event);
            }
        }
    }

    @Test
    void serializerNeverWritesWithAnotherVersionsId() {
        // Given a subject whose only version is a newer schema than the class the producer has
        String topic = "test.newer-only-" + UUID.randomUUID();
        Schema current = InboundMessageReceived.getClassSchema();
        new SchemaRegistrar(registry).register(topic + "-" + current.getFullName(), withOptionalField(current));

        try (AvroKafkaSerializer<SpecificRecord> serializer = serializer()) {
            // When the producer serializes with its own (unregistered) schema, Then it fails instead of
            // stamping its bytes with the newer version's id
            assertThatThrownBy(() -> serializer.serialize(topic, EventFixtures.sample(InboundMessageReceived.class)))
                    .hasStackTraceContaining("Could not resolve artifact reference by content");
        }
        assertThat(ConfluentApi.get("/subjects/" + topic + "-" + current.getFullName() + "/versions")).hasSize(1);
    }

    private static AvroKafkaSerializer<SpecificRecord> serializer() {
        return RegistryClients.serializer(EventSerdeConfig.serializer(registry, false));
    }

    private static Schema withOptionalField(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("replyToMessageId",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "added in a later version", Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
