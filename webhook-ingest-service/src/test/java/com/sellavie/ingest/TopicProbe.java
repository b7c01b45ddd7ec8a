package com.sellavie.ingest;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.serde.EventSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads what arrives on a topic from the moment the probe is opened (its end offsets then), decoding
 * values with the real registry. "Nothing published" is asserted by sending a later marker and
 * checking that, up to the marker, only the marker arrived.
 */
public final class TopicProbe implements AutoCloseable {

    private static final EventSerdes SERDES = EventSerdes.connect(TestSchemaRegistry.baseUrl());

    private final String topic;
    private final KafkaConsumer<String, Object> consumer;
    private final List<ConsumerRecord<String, Object>> seen = new ArrayList<>();

    private TopicProbe(String topic) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), SERDES.deserializer());
        List<TopicPartition> partitions = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList(), p -> !p.isEmpty());
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, not at the first poll
    }

    /** Starts reading {@code topic} at its current end. */
    public static TopicProbe from(String topic) {
        return new TopicProbe(topic);
    }

    /** Waits for the first record since the probe opened that matches. */
    public ConsumerRecord<String, Object> await(Predicate<ConsumerRecord<String, Object>> matching) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    poll();
                    return seen.stream().anyMatch(matching);
                });
        return seen.stream().filter(matching).findFirst().orElseThrow();
    }

    /** Every record since the probe opened, reading up to the topic's end as it is now. */
    public List<ConsumerRecord<String, Object>> all() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            poll();
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return List.copyOf(seen);
    }

    /** Values of the records seen so far, of one type. */
    public <T> List<T> values(Class<T> type) {
        return all().stream().map(ConsumerRecord::value).filter(type::isInstance).map(type::cast).toList();
    }

    public String topic() {
        return topic;
    }

    public static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    private void poll() {
        UnansweredLookups.poll(consumer, Duration.ofMillis(50)).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
