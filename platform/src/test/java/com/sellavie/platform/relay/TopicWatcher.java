package com.sellavie.platform.relay;

import com.sellavie.platform.test.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning on a background thread, keeping the records whose key starts with
 * this test's prefix and when each key first arrived. Kafka is shared by every test of the JVM.
 */
final class TopicWatcher implements AutoCloseable {

    private final String keyPrefix;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Map<String, Long> firstArrivalNanos = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    TopicWatcher(String topic, String keyPrefix) {
        this(TestKafka.bootstrapServers(), topic, keyPrefix);
    }

    TopicWatcher(String bootstrapServers, String topic, String keyPrefix) {
        this.keyPrefix = keyPrefix;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "watcher-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        this.poller = new Thread(this::poll, "topic-watcher-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.key() != null && record.key().startsWith(keyPrefix)) {
                        long now = System.nanoTime();
                        records.add(record);
                        firstArrivalNanos.putIfAbsent(record.key(), now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return records.stream().filter(filter).toList();
    }

    List<ConsumerRecord<String, byte[]>> recordsWithKey(String key) {
        return records(r -> r.key().equals(key));
    }

    /** {@link System#nanoTime()} when a record with this key was first seen, or null. */
    Long firstArrivalNanos(String key) {
        return firstArrivalNanos.get(key);
    }

    int distinctKeys() {
        return firstArrivalNanos.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5000);
    }
}
