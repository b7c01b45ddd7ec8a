package com.sellavie.platform.outbox;

import com.sellavie.schemas.serde.EventSerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an event into its wire bytes (Confluent format: magic byte, 4-byte schema id, Avro binary)
 * with Apicurio's serializer. With auto-registration off (production) the schema must already be
 * registered; its id is looked up once per type and cached. The registry client runs on a Vert.x
 * instance owned here, closed with the outbox rather than outliving it.
 */
class EventSerializer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventSerializer.class);

    private final Vertx vertx = Vertx.vertx();
    private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();

    EventSerializer(String registryBaseUrl, boolean autoRegister) {
        serializer.configure(EventSerdeConfig.withVertx(EventSerdeConfig.serializer(registryBaseUrl, autoRegister), vertx),
                false);
    }

    byte[] serialize(String topic, SpecificRecord event) {
        return serializer.serialize(topic, event);
    }

    @Override
    public void close() {
        serializer.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The outbox serializer's Vert.x did not stop cleanly: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
