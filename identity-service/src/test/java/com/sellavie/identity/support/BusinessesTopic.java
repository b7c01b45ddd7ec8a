package com.sellavie.identity.support;

import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code identity.businesses} from the beginning, decoding values with the registry (Apicurio
 * deserializer, {@code EventSerdeConfig.deserializer}) as any consumer would. Polls on the caller's
 * thread: call {@link #poll()} from an Awaitility condition.
 */
public final class BusinessesTopic implements AutoCloseable {

    private final EventSerdes serdes = EventSerdes.connect(TestSchemaRegistry.baseUrl());
    private final KafkaConsumer<String, Object> consumer;
    private final List<ConsumerRecord<String, Object>> seen = new CopyOnWriteArrayList<>();

    public BusinessesTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "identity-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), serdes.deserializer());
        consumer.subscribe(List.of(Topics.IDENTITY_BUSINESSES.name()));
    }

    /** Everything seen so far, after one more poll. */
    public List<ConsumerRecord<String, Object>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** The BusinessRegistered records seen so far (after one more poll) that match {@code filter}. */
    public List<ConsumerRecord<String, Object>> registered(Predicate<BusinessRegistered> filter) {
        return poll().stream()
                .filter(record -> record.value() instanceof BusinessRegistered event && filter.test(event))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
        serdes.close();
    }
}
