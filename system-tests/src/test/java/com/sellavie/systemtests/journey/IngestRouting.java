package com.sellavie.systemtests.journey;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * When has webhook-ingest-service learnt a newly connected channel? A merchant connects a channel
 * and the customer writes later; a test writes at once, and a DM that arrives before the route is
 * (rightly) unroutable. So a test waits until ingest's routing consumer group has committed the end
 * of {@code conversation.channels}, observed from the broker (nothing inside a service is read).
 */
public final class IngestRouting implements AutoCloseable {

    private static final String TOPIC = "conversation.channels";
    private static final String GROUP = "webhook-ingest-service.channel-routes";

    private final Admin admin;

    public IngestRouting(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(properties);
    }

    /** Sum of the end offsets of the channel topic: take it before connecting a channel. */
    public long channelEventsPublished() {
        try {
            var partitions = admin.describeTopics(java.util.List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                    .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get();
            return ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long channelEventsConsumedByIngest() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        return committed.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Waits until a channel event beyond {@code before} was published and ingest consumed it all. */
    public void awaitRouteLearnt(long before, Duration timeout) {
        await("ChannelConnected published and consumed by webhook-ingest-service").atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    long published = channelEventsPublished();
                    return published > before && channelEventsConsumedByIngest() >= published;
                });
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
