package com.sellavie.systemtests.journey;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Has a service's consumer group caught up with a topic? Seen from the broker (end offsets and the
 * group's committed offsets), never from inside the service: for a test that changes state in one
 * service (a catalog product) and needs another to have learnt it before the next step.
 */
final class ConsumerProgress implements AutoCloseable {

    private final Admin admin;

    ConsumerProgress(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(properties);
    }

    /** The end of {@code topic} as it is now (empty before it exists): a mark to wait for what comes after it. */
    Map<TopicPartition, Long> mark(String topic) {
        try {
            return endOffsets(topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + topic + "'s end offsets", e);
        }
    }

    /**
     * Waits until a record was published to {@code topic} after {@code mark} (a change the test just made in another
     * service has left that service's outbox), then until {@code group} has consumed everything published so far.
     * Without the first wait, a group could be "caught up" with a topic that does not hold the change yet.
     */
    void awaitCaughtUp(String group, String topic, Map<TopicPartition, Long> mark, Duration timeout) {
        long before = mark.values().stream().mapToLong(Long::longValue).sum();
        await(topic + " has a record after offset total " + before).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> endOffsets(topic).values().stream().mapToLong(Long::longValue).sum() > before);
        awaitCaughtUp(group, topic, timeout);
    }

    /** Waits until {@code group} has committed the end of {@code topic} as it is now (every record published so far). */
    void awaitCaughtUp(String group, String topic, Duration timeout) {
        Map<TopicPartition, Long> ends = await(topic + " exists").atMost(timeout).until(() -> endOffsets(topic),
                e -> !e.isEmpty());
        await(group + " consumed " + topic + " up to " + ends.values().stream().mapToLong(Long::longValue).sum())
                .atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                            || (committed.get(end.getKey()) != null
                                    && committed.get(end.getKey()).offset() >= end.getValue()));
                });
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws InterruptedException {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            return Map.of();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
