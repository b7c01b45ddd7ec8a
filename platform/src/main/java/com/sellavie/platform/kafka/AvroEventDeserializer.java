package com.sellavie.platform.kafka;

import com.sellavie.platform.failure.FailureClassifier;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.core.NestedExceptionUtils;

/**
 * Apicurio's Avro deserializer that also keeps the record's original value bytes in the
 * {@value #ORIGINAL_VALUE_HEADER} header, so a record whose handler fails reaches the dead-letter
 * topic byte for byte as it was published (re-encoding the decoded object could pick another
 * schema) and can be replayed unchanged. Wrapped in Spring Kafka's ErrorHandlingDeserializer, which
 * turns a decoding failure into an error the container routes to the dead-letter topic.
 *
 * <p>A failure to reach the registry (looking up a schema id not cached yet while it is down or
 * overloaded) is rethrown as {@link SchemaRegistryUnavailableException}, a transient failure the
 * error handler retries rather than dead-letters. It carries the cause's text, not the cause: the
 * failure travels to the container as a Java-serialized header, and the registry client's
 * exceptions are not all serializable.
 */
public class AvroEventDeserializer implements Deserializer<Object> {

    /** Consumer-side only: removed again before a record is dead-lettered or replayed. */
    public static final String ORIGINAL_VALUE_HEADER = "sellavie_original_value";

    private AvroKafkaDeserializer<Object> delegate;

    /** Registry calls go through {@link RegistryClients}: bounded waits, a silent registry never holds the consumer. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        delegate = RegistryClients.deserializer(configs, isKey);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        try {
            return delegate.deserialize(topic, data);
        } catch (RuntimeException e) {
            throw transientAsSuch(e);
        }
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        if (headers != null && data != null) {
            headers.add(ORIGINAL_VALUE_HEADER, data);
        }
        try {
            return delegate.deserialize(topic, headers, data);
        } catch (RuntimeException e) {
            throw transientAsSuch(e);
        }
    }

    private static RuntimeException transientAsSuch(RuntimeException failure) {
        if (!FailureClassifier.isTransient(failure)) {
            return failure;
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return new SchemaRegistryUnavailableException("Schema registry unreachable while decoding: "
                + failure.getClass().getName() + ": " + failure.getMessage() + " (root cause "
                + root.getClass().getName() + ": " + root.getMessage() + ")");
    }

    @Override
    public void close() {
        if (delegate != null) {
            delegate.close();
        }
    }
}
