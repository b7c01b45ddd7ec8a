package com.sellavie.schemas.serde;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Apicurio's Avro deserializer, made loud: a value that is not a decodable Sellavie event raises an
 * {@link EventDecodingException} naming the topic; it never comes back as null or as a bare
 * {@code BufferUnderflowException}. A null value (a tombstone on a compacted topic) stays null, as
 * Kafka deserializers do. Configure it with {@link EventSerdeConfig#deserializer(String)}.
 */
public class EventDeserializer implements Deserializer<Object> {

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_LENGTH = 5;

    private AvroKafkaDeserializer<Object> delegate;

    /** Registry calls go through {@link RegistryClients}: bounded waits, no sleeping retry loop. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate = RegistryClients.deserializer(configs, isKey);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH || data[0] != MAGIC_BYTE) {
            throw new EventDecodingException(topic, null,
                    "not in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary)", null);
        }
        Integer schemaId = ByteBuffer.wrap(data, 1, 4).getInt();
        Object event;
        try {
            event = headers == null ? delegate.deserialize(topic, data) : delegate.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
            throw new EventDecodingException(topic, schemaId, describe(e), e);
        }
        if (event == null) {
            throw new EventDecodingException(topic, schemaId, "the deserializer returned no value", null);
        }
        return event;
    }

    @Override
    public void close() {
        if (delegate != null) {
            delegate.close();
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
