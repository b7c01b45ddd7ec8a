package com.sellavie.ai.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.ai.Fixtures;
import com.sellavie.events.conversation.ReplyRequested;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/** The request as a reply job stores it, across a deployment that changes its schema. */
class ReplyRequestCodecTest {

    @Test
    void storedRequestReadsBackEqual() {
        ReplyRequested request = Fixtures.replyRequested(UUID.randomUUID(), UUID.randomUUID(), "hello [[HANDOFF]]",
                Fixtures.history("INBOUND", "hi"), Fixtures.history("OUTBOUND", "Hello!"));

        ReplyRequested read = ReplyRequestCodec.decode(ReplyRequestCodec.encode(request), ReplyRequestCodec.schema());

        assertThat(read).isEqualTo(request);
    }

    @Test
    void jobWrittenWithAnOlderSchemaIsReadWithTheFieldsDefaults() throws Exception {
        // Given a job stored by a version whose ReplyRequested had no triggerText and no history yet
        Schema current = ReplyRequested.getClassSchema();
        Schema older = Schema.createRecord(current.getName(), null, current.getNamespace(), false,
                current.getFields().stream().filter(f -> !List.of("triggerText", "history").contains(f.name()))
                        .map(f -> new Schema.Field(f, f.schema())).toList());
        GenericRecord stored = new GenericData.Record(older);
        UUID business = UUID.randomUUID();
        stored.put("eventId", UUID.randomUUID().toString());
        stored.put("occurredAt", 1_700_000_000_000L);
        stored.put("businessId", business.toString());
        stored.put("correlationId", "journey-1");
        stored.put("causationId", null);
        stored.put("conversationId", UUID.randomUUID().toString());
        stored.put("channelType", "INSTAGRAM");
        stored.put("triggerMessageId", UUID.randomUUID().toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(older).write(stored, encoder);
        encoder.flush();

        // When this version reads it
        ReplyRequested read = ReplyRequestCodec.decode(bytes.toByteArray(), older.toString());

        // Then the new fields take their defaults
        assertThat(read.getBusinessId()).isEqualTo(business);
        assertThat(read.getTriggerText()).isNull();
        assertThat(read.getHistory()).isEmpty();
    }
}
