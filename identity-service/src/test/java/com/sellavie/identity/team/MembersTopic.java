package com.sellavie.identity.team;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code identity.members} from the beginning with the registry's deserializer, as any consumer would. */
final class MembersTopic implements AutoCloseable {

    private final EventSerdes serdes = EventSerdes.connect(TestSchemaRegistry.baseUrl());
    private final KafkaConsumer<String, Object> consumer;
    private final List<ConsumerRecord<String, Object>> seen = new CopyOnWriteArrayList<>();

    MembersTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "identity-members-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), serdes.deserializer());
        consumer.subscribe(List.of(Topics.IDENTITY_MEMBERS.name()));
    }

    /** The records seen so far for {@code businessId} (after one more poll). */
    List<ConsumerRecord<String, Object>> of(String businessId) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(record -> businessId.equals(record.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
        serdes.close();
    }
}
