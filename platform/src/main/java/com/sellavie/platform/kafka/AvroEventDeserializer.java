package com.sellavie.platform.kafka;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Apicurio's Avro deserializer that also keeps the record's original value bytes in the
 * {@value #ORIGINAL_VALUE_HEADER} header, so a record whose handler fails reaches the dead-letter
 * topic byte for byte as it was published (re-encoding the decoded object could pick another
 * schema) and can be replayed unchanged. Wrapped in Spring Kafka's ErrorHandlingDeserializer, which
 * turns a decoding failure into an error the container routes to the dead-letter topic.
 */
public class AvroEventDeserializer implements Deserializer<Object> {

    /** Consumer-side only: removed again before a record is dead-lettered or replayed. */
    public static final String ORIGINAL_VALUE_HEADER = "sellavie_original_value";

    private final AvroKafkaDeserializer<Object> delegate = new AvroKafkaDeserializer<>();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate.configure(configs, isKey);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return delegate.deserialize(topic, data);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        if (headers != null && data != null) {
            headers.add(ORIGINAL_VALUE_HEADER, data);
        }
        return delegate.deserialize(topic, headers, data);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
