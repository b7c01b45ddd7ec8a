package com.sellavie.schemas.serde;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializers and deserializers for Sellavie events whose registry client has a lifecycle: they share
 * one Vert.x instance owned here, which {@link #close()} stops. Close the serdes (or the producers and
 * consumers holding them) first, then this. Serializers never auto-register: run
 * {@code SchemaRegistrar} at start-up.
 */
public final class EventSerdes implements AutoCloseable {

    private final String registryBaseUrl;
    private final Vertx vertx;
    private volatile boolean closed;

    private EventSerdes(String registryBaseUrl, Vertx vertx) {
        this.registryBaseUrl = registryBaseUrl;
        this.vertx = vertx;
    }

    /** @param registryBaseUrl {@code http://host:port} of the registry */
    public static EventSerdes connect(String registryBaseUrl) {
        return new EventSerdes(registryBaseUrl, Vertx.vertx());
    }

    /** Producer {@code value.serializer} settings (for a Kafka client built from a map), sharing this Vert.x. */
    public Map<String, Object> serializerConfig() {
        return EventSerdeConfig.withVertx(EventSerdeConfig.serializer(registryBaseUrl, false), vertx);
    }

    /** Consumer {@code value.deserializer} settings, sharing this Vert.x. */
    public Map<String, Object> deserializerConfig() {
        return EventSerdeConfig.withVertx(EventSerdeConfig.deserializer(registryBaseUrl), vertx);
    }

    public Serializer<SpecificRecord> serializer() {
        requireOpen();
        return RegistryClients.serializer(serializerConfig());
    }

    public Deserializer<Object> deserializer() {
        requireOpen();
        EventDeserializer deserializer = new EventDeserializer();
        deserializer.configure(deserializerConfig(), false);
        return deserializer;
    }

    /** Stops the registry client's Vert.x threads; serdes made here cannot reach the registry afterwards. */
    @Override
    public void close() {
        closed = true;
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Vert.x of the registry client did not stop", e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("EventSerdes is closed");
        }
    }
}
