package com.sellavie.platform.outbox;

import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns an event into its wire bytes (Confluent format: magic byte, 4-byte schema id, Avro binary)
 * with Apicurio's serializer. With auto-registration off (production) the schema must already be
 * registered; its id is looked up once per type and cached. The registry client runs on the service's
 * shared Vert.x instance, which its owner closes after this.
 *
 * <p>When start-up registration has learned the schema's id ({@link SchemaIds}), the event is
 * encoded here with it, byte for byte what Apicurio's serializer writes, without any registry
 * call: publishing survives a registry outage even for a type not published before it.
 */
class EventSerializer implements AutoCloseable {

    private final AvroKafkaSerializer<SpecificRecord> serializer;

    private final SchemaIds registeredIds;

    EventSerializer(String registryBaseUrl, boolean autoRegister, SchemaIds registeredIds, Vertx vertx) {
        this.registeredIds = registeredIds;
        Map<String, Object> config =
                EventSerdeConfig.withVertx(EventSerdeConfig.serializer(registryBaseUrl, autoRegister), vertx);
        // Bounded registry waits: a silent registry fails this batch (retried) instead of holding the relay.
        serializer = RegistryClients.serializer(config);
    }

    byte[] serialize(String topic, SpecificRecord event) {
        // The subject naming of TopicRecordSubjectStrategy and Topic#subjectFor.
        Long id = registeredIds.of(topic + "-" + event.getSchema().getFullName());
        return id == null ? serializer.serialize(topic, event) : encode(id, event);
    }

    /** Confluent framing: magic byte 0, the 4-byte id, then the Avro binary of the event. */
    private static byte[] encode(long id, SpecificRecord event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) id).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode " + event.getSchema().getFullName(), e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        serializer.close();
    }
}
