package com.sellavie.schemas.serde;

import static com.sellavie.platform.test.UnansweredLookups.retried;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventFixtures;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.history.SchemaHistory;
import com.sellavie.schemas.registry.SchemaRegistrar;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bytes on the topics, as producers write them and as every kind of reader decodes them. */
class WireFormatTest {

    private static String registry;
    private static Map<String, Long> ids;
    private static AvroKafkaSerializer<SpecificRecord> serializer;
    private static EventDeserializer deserializer;

    @BeforeAll
    static void registerAndConfigure() {
        registry = TestSchemaRegistry.baseUrl();
        ids = SchemaRegistrar.registerAll(registry, Topics.ALL);
        serializer = RegistryClients.serializer(EventSerdeConfig.serializer(registry, false));
        deserializer = new EventDeserializer();
        deserializer.configure(EventSerdeConfig.deserializer(registry), false);
    }

    @AfterAll
    static void close() {
        serializer.close();
        deserializer.close();
    }

    @Test
    void aPlainConfluentReaderDecodesEveryEventType() throws IOException {
        PlainConfluentReader analyst = new PlainConfluentReader(TestSchemaRegistry.confluentApiUrl());
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            SpecificRecord event = EventFixtures.sample(type);

            GenericRecord decoded = analyst.read(retried(() -> serializer.serialize(Topics.of(type).name(), event)));

            assertThat(decoded).as(type.getSimpleName()).isEqualTo(Avro.as(event, event.getSchema()));
        }
    }

    @Test
    void everyReleasedVersionDecodesIntoTheCurrentClass() {
        SchemaHistory history = new SchemaHistory(SchemaHistory.MODULE_DIR);
        SchemaRegistrar registrar = new SchemaRegistrar(registry);
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            EventMetadata metadata = EventFixtures.metadata();
            SpecificRecord event = EventFixtures.sample(type, metadata);
            List<Schema> versions = history.versionsOf(event.getSchema().getName());
            for (int v = 0; v < versions.size(); v++) {
                // Given a record an older producer wrote with version v+1, under its registered id
                String topic = "test.history-" + UUID.randomUUID();
                Schema old = versions.get(v);
                long id = registrar.register(topic + "-" + old.getFullName(), old);
                byte[] value = Avro.confluentFrame(id, Avro.encode(Avro.as(event, old)));

                // When today's consumer decodes it
                Object decoded = retried(() -> deserializer.deserialize(topic, value));

                // Then it gets today's class with the event's identity intact
                assertThat(decoded).as("%s v%d", type.getSimpleName(), v + 1).isInstanceOf(type);
                assertThat(EventMetadata.of((SpecificRecord) decoded)).isEqualTo(metadata);
            }
        }
    }

    @Test
    void aFieldAddedLaterTakesItsDefaultWhenReadingAnOlderRecord() {
        Schema v1 = new SchemaHistory(SchemaHistory.MODULE_DIR).versionsOf("InboundMessageReceived").getFirst();
        InboundMessageReceived event = EventFixtures.sample(InboundMessageReceived.class);
        event.setSenderName("Ngozi");
        String topic = "test.history-" + UUID.randomUUID();
        long id = new SchemaRegistrar(registry).register(topic + "-" + v1.getFullName(), v1);

        Object decoded = retried(() -> deserializer.deserialize(topic, Avro.confluentFrame(id, Avro.encode(Avro.as(event, v1)))));

        assertThat(v1.getField("senderName")).isNull();
        assertThat(decoded).isInstanceOfSatisfying(InboundMessageReceived.class, e -> {
            assertThat(e.getSenderName()).isNull();
            assertThat(e.getText()).isEqualTo(event.getText());
        });
    }

    @Test
    void aWrongMagicByteFailsNamingTheTopic() {
        assertThatThrownBy(() -> deserializer.deserialize("conversation.messages", new byte[] {1, 0, 0, 0, 6, 2, 4}))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("topic conversation.messages")
                .hasMessageContaining("not in the Confluent wire format");
    }

    @Test
    void anUnknownSchemaIdFailsNamingTheTopicAndTheId() {
        byte[] value = Avro.confluentFrame(Integer.MAX_VALUE - 7, new byte[] {2, 4, 6});

        assertThatThrownBy(() -> deserializer.deserialize("ai.replies", value))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.topic()).isEqualTo("ai.replies");
                    assertThat(e.schemaId()).isEqualTo(Integer.MAX_VALUE - 7);
                })
                .hasMessageContaining("topic ai.replies (schema id " + (Integer.MAX_VALUE - 7) + ")");
    }

    @Test
    void aGarbledBodyFailsNamingTheTopic() {
        long id = ids.get(Topics.CONVERSATION_MESSAGES.subjectFor(MessageRecorded.class));
        // 0x01 is the zig-zag varint -1: a negative string length for the first field.
        byte[] value = Avro.confluentFrame(id, new byte[] {1, 1, 1, 1});

        assertThatThrownBy(() -> deserializer.deserialize("conversation.messages", value))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("topic conversation.messages");
    }

    @Test
    void aTruncatedHeaderFailsNamingTheTopic() {
        assertThatThrownBy(() -> deserializer.deserialize("identity.businesses", new byte[] {0, 0}))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("topic identity.businesses");
    }

    @Test
    void aTombstoneStaysNull() {
        assertThat(deserializer.deserialize("conversation.channels", null)).isNull();
    }
}
