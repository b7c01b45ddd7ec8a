package com.sellavie.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.events.ai.CheckoutActionItem;
import com.sellavie.events.conversation.ReplyRequested;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

    @Test
    void everyEventTypeOfEveryTopicCarriesTheFiveMetadataFields() {
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            Schema schema = org.apache.avro.specific.SpecificData.get().getSchema(type);

            assertThat(schema.getFields().subList(0, 5)).extracting(Schema.Field::name)
                    .as("first fields of %s", type.getSimpleName()).isEqualTo(EventMetadata.FIELDS);
            assertThat(schema.getField("eventId").schema().getLogicalType()).isEqualTo(LogicalTypes.uuid());
            assertThat(schema.getField("occurredAt").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMillis());
            assertThat(schema.getField("businessId").schema().getLogicalType()).isEqualTo(LogicalTypes.uuid());
            assertThat(schema.getField("correlationId").schema().getType()).isEqualTo(Schema.Type.STRING);
            Schema.Field causation = schema.getField("causationId");
            assertThat(causation.schema().getTypes()).extracting(Schema::getType)
                    .containsExactly(Schema.Type.NULL, Schema.Type.STRING);
            assertThat(causation.defaultVal()).as("causationId default of %s", type.getSimpleName())
                    .isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
        }
    }

    @Test
    void readsTheMetadataOfEveryEventType() {
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            EventMetadata metadata = EventFixtures.metadata();

            assertThat(EventMetadata.of(EventFixtures.sample(type, metadata))).as(type.getSimpleName())
                    .isEqualTo(metadata);
        }
    }

    @Test
    void readsGenericRecordsAsAnalystsDecodeThem() throws IOException {
        EventMetadata metadata = EventFixtures.metadata();
        ReplyRequested event = EventFixtures.sample(ReplyRequested.class, metadata);

        GenericRecord generic = asGeneric(event);

        assertThat(generic.get("eventId")).isNotInstanceOf(UUID.class);
        assertThat(EventMetadata.of(generic)).isEqualTo(metadata);
    }

    @Test
    void refusesARecordThatIsNotAnEvent() {
        assertThatThrownBy(() -> EventMetadata.of(new CheckoutActionItem("SKU-1", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CheckoutActionItem has no field eventId");
    }

    @Test
    void newEventIdsAreVersion7AndOrderedByCreation() {
        List<UUID> ids = java.util.stream.Stream.generate(EventMetadata::newEventId).limit(1000).toList();

        assertThat(ids).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anEventCausedByAnotherStaysInItsJourney() {
        EventMetadata start = EventMetadata.startOfJourney(EventFixtures.BUSINESS, Instant.parse("2026-01-01T00:00:00Z"));

        EventMetadata next = EventMetadata.causedBy(start, Instant.parse("2026-01-01T00:00:01Z"));

        assertThat(start.causationId()).isNull();
        assertThat(start.correlationId()).isEqualTo(start.eventId().toString());
        assertThat(next.correlationId()).isEqualTo(start.correlationId());
        assertThat(next.causationId()).isEqualTo(start.eventId().toString());
        assertThat(next.businessId()).isEqualTo(start.businessId());
        assertThat(next.eventId()).isNotEqualTo(start.eventId());
    }

    @Test
    void namesTheEventTypeByItsAvroRecordName() {
        assertThat(EventMetadata.eventType(EventFixtures.sample(ReplyRequested.class)))
                .isEqualTo("ReplyRequested");
    }

    private static GenericRecord asGeneric(SpecificRecord event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(event.getSchema())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
