package com.sellavie.platform.relay;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's own Kafka producer (string key, raw bytes value), separate from the service's: it must be
 * idempotent with acks=all whatever the service configured, since an event is only marked relayed
 * once Kafka has it on every in-sync replica.
 */
final class RelayProducers {

    /**
     * Each partition with a record waiting gets a buffer of this size, and the producer keeps every freed one for
     * reuse for its life: at 256 KiB conversation held 5.8 MB of idle buffers after a backlog, for ~9 % more peak
     * relay throughput than 64 KiB gives (20,000 events/s, far above a service's need; docs/benchmarks.md "Relay").
     * {@code sellavie.relay.producer.batch.size} overrides it.
     */
    static final int BATCH_SIZE_BYTES = 64 * 1024;

    /** The relay producer's {@code linger.ms}; {@code sellavie.relay.producer.linger.ms} overrides it. */
    static final String LINGER_MS = "1";

    private RelayProducers() {
    }

    static Supplier<Producer<String, byte[]>> factory(Map<String, Object> base, Map<String, String> overrides,
            String databaseName) {
        Map<String, Object> config = config(base, overrides, databaseName);
        return () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    static Map<String, Object> config(Map<String, Object> base, Map<String, String> overrides, String databaseName) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "sellavie-relay-" + databaseName);
        // A batch is sent and its acks awaited before the next is taken, so lingering only delays it: 1 ms lets the
        // records of one batch go out in one request (docs/benchmarks.md "Relay": 5 ms cost 5 ms a change).
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_SIZE_BYTES));
        // Bounded waits, so an unreachable Kafka fails a batch in seconds rather than minutes: the leader
        // then retries, and steps down after kafka-step-down-after; a stop never waits on a blocked send().
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        config.putAll(overrides);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return config;
    }
}
