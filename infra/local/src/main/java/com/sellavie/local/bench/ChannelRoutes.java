package com.sellavie.local.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether ingest has learnt the connected channels' routes: every record of {@code conversation.channels}
 * consumed by its route group. A DM posted before that would rightly be kept as unroutable, not answered.
 */
final class ChannelRoutes {

    static final String TOPIC = "conversation.channels";
    static final String INGEST_GROUP = "webhook-ingest-service.channel-routes";

    private ChannelRoutes() {
    }

    /** Waits until {@code atLeast} channel events are published and all are consumed by ingest. */
    static void awaitLearnt(String bootstrap, long atLeast, Duration timeout)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) bootstrap))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long published = 0;
            long consumed = 0;
            while (System.nanoTime() < deadline) {
                if (admin.listTopics().names().get().contains(TOPIC)) {
                    published = published(admin);
                    consumed = consumed(admin);
                    if (published >= atLeast && consumed >= published) {
                        return;
                    }
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("ingest did not learn the channels' routes within " + timeout.toSeconds()
                    + " s: " + published + " channel events published (" + atLeast + " wanted), " + consumed
                    + " consumed by " + INGEST_GROUP);
        }
    }

    /** How many channel events were published so far (0 before the topic exists). */
    static long published(String bootstrap) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) bootstrap))) {
            return admin.listTopics().names().get().contains(TOPIC) ? published(admin) : 0;
        }
    }

    private static long published(Admin admin) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()
                .forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(r -> r.offset()).sum();
    }

    private static long consumed(Admin admin) throws InterruptedException, ExecutionException {
        return admin.listConsumerGroupOffsets(INGEST_GROUP).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(TOPIC) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }
}
