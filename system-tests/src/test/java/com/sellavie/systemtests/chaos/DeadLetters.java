package com.sellavie.systemtests.chaos;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** How many records all {@code *.dlt} topics hold, read from the broker (nothing inside a service is read). */
final class DeadLetters implements AutoCloseable {

    private final Admin admin;

    DeadLetters(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    long total() {
        try {
            var topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlt")).toList();
            if (topics.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> request = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                    .values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("Could not count dead letters", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
