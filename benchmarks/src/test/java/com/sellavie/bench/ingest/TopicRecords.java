package com.sellavie.bench.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records a topic holds (the sum of its partitions' end offsets: the producers here are idempotent, not
 * transactional, so every offset is a record): what reached Kafka, whichever path it took.
 */
final class TopicRecords implements AutoCloseable {

    private final Admin admin;
    private final String topic;

    TopicRecords(String bootstrapServers, String topic) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.topic = topic;
    }

    long count() throws InterruptedException {
        try {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                return 0;
            }
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not count the records of " + topic, e);
        }
    }

    /** Waits until the topic holds at least {@code expected} records; returns how long that took. */
    Duration awaitAtLeast(long expected, Duration atMost) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        long count;
        while ((count = count()) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(topic + " holds " + count + " records after " + atMost.toSeconds()
                        + " s, fewer than the " + expected + " webhooks acknowledged");
            }
            Thread.sleep(500);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
