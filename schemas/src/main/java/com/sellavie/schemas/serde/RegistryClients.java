package com.sellavie.schemas.serde;

import io.apicurio.registry.client.RegistryClientFactory;
import io.apicurio.registry.client.common.DefaultVertxInstance;
import io.apicurio.registry.client.common.RegistryClientOptions;
import io.apicurio.registry.resolver.client.RegistryClientFacade;
import io.apicurio.registry.resolver.client.RegistryClientFacadeImpl;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The registry client every Sellavie serde talks through: Apicurio's, with bounded waits.
 *
 * <p>Apicurio's own client (its kiota Vert.x adapter) waits for an answer without any limit, so a
 * registry that accepts a connection and never answers would hold a consumer or relay thread forever.
 * Here a connection must open within {@value #DEFAULT_CONNECT_TIMEOUT_MS} ms and a connection that
 * carries no bytes for {@value #DEFAULT_IDLE_TIMEOUT_MS} ms is closed, failing its request with a
 * transient error that the caller's error handling retries later (a consumer's error handler, the
 * relay's next attempt). The client's own retry loop is off: it sleeps on the calling thread. A pooled
 * connection is retired after half the idle timeout without use, so the idle timer never closes one
 * under a new request.
 */
public final class RegistryClients {

    /** Serde setting (milliseconds): how long a connection to the registry may take to open. */
    public static final String CONNECT_TIMEOUT_MS = "sellavie.registry.connect-timeout-ms";
    /** Serde setting (milliseconds): how long a request may wait without a byte from the registry. */
    public static final String IDLE_TIMEOUT_MS = "sellavie.registry.idle-timeout-ms";

    static final int DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    static final int DEFAULT_IDLE_TIMEOUT_MS = 10_000;

    private RegistryClients() {
    }

    /** Apicurio's Avro serializer on a {@link #forSerde bounded client}, configured with {@code config}. */
    public static <T> AvroKafkaSerializer<T> serializer(Map<String, ?> config) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>(forSerde(config));
        serializer.configure(config, false);
        return serializer;
    }

    /** Apicurio's Avro deserializer of record values on a {@link #forSerde bounded client}, configured with {@code config}. */
    public static <T> AvroKafkaDeserializer<T> deserializer(Map<String, ?> config) {
        return deserializer(config, false);
    }

    /** Apicurio's Avro deserializer on a {@link #forSerde bounded client}, configured with {@code config}. */
    public static <T> AvroKafkaDeserializer<T> deserializer(Map<String, ?> config, boolean isKey) {
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>(forSerde(config));
        deserializer.configure(config, isKey);
        return deserializer;
    }

    /** A client for the registry a serde's settings name, on the settings' Vert.x (else Apicurio's JVM-wide one). */
    public static RegistryClientFacade forSerde(Map<String, ?> serdeConfig) {
        Object url = serdeConfig.get(SerdeConfig.REGISTRY_URL);
        if (!(url instanceof String registryUrl) || registryUrl.isBlank()) {
            throw new IllegalArgumentException("Missing registry URL: set " + SerdeConfig.REGISTRY_URL);
        }
        Vertx vertx = serdeConfig.get(SerdeConfig.VERTX_INSTANCE) instanceof Vertx own ? own : DefaultVertxInstance.get();
        return withTimeouts(registryUrl, vertx,
                Duration.ofMillis(millis(serdeConfig, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(millis(serdeConfig, IDLE_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS)));
    }

    /** @param registryUrl {@code http://host:port}, or that with Apicurio's API path */
    private static RegistryClientFacade withTimeouts(String registryUrl, Vertx vertx, Duration connect, Duration idle) {
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout(Math.toIntExact(connect.toMillis()))
                .setIdleTimeout(Math.toIntExact(idle.toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAliveTimeout(keepAliveSeconds(idle));
        RegistryClientOptions client = RegistryClientOptions.create(EventSerdeConfig.apicurioApi(registryUrl), vertx)
                .customWebClient(WebClient.create(vertx, options))
                .disableRetry();
        return new RegistryClientFacadeImpl(RegistryClientFactory.create(client));
    }

    /**
     * How long a pooled connection may sit idle before the pool retires it: half the idle timeout. The
     * idle timeout's timer also runs on a connection resting in the pool, and one it closes just as the
     * pool hands that connection to a request fails the request ("Connection was closed"); retiring
     * connections well before it fires leaves no such race. Vert.x counts keep-alive in whole seconds.
     */
    static int keepAliveSeconds(Duration idle) {
        return (int) Math.max(1, idle.toSeconds() / 2);
    }

    private static long millis(Map<String, ?> config, String key, int fallback) {
        Object value = config.get(key);
        if (value == null) {
            return fallback;
        }
        long millis = value instanceof Number number ? number.longValue() : Long.parseLong(value.toString().trim());
        if (millis <= 0) {
            throw new IllegalArgumentException(key + " must be positive, was " + value);
        }
        return millis;
    }
}
