package com.sellavie.platform.kafka;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantHeaders;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.testservice.ConsumerServiceTest;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestListeners;
import com.sellavie.platform.testservice.TestRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * How often a listener commits its offsets (the platform's {@code ack-mode: count_time}, once a second), on the
 * real broker: records that arrive one at a time, as DMs do, cost one commit a second, not one each, and nothing
 * handled is left uncommitted, whether the consumer keeps running or stops.
 */
@ConsumerServiceTest
class OffsetCommitCadenceIntegrationTest {

    private static final String TOPIC = TestListeners.INBOX_TOPIC;
    private static final String GROUP = TestListeners.INBOX_GROUP;
    private static final int RECORDS = 40;

    @Autowired
    TestListeners listeners;
    @Autowired
    KafkaListenerEndpointRegistry registry;

    Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    @AfterEach
    void close() {
        admin.close();
        // A test may have stopped the listener: the next one finds it running.
        container().start();
    }

    @Test
    void recordsArrivingOneAtATimeAreCommittedOnceASecondNotOneByOne() {
        // Given the inbox listener caught up
        awaitCommittedToTheEnd(Duration.ofSeconds(15));
        double commitsBefore = commits();
        long begun = System.nanoTime();

        // When 40 records arrive 25 ms apart, each alone in its poll
        List<UUID> sent = publishOneAtATime("cadence");

        // Then every one is handled, and the group's offsets reach the end within the commit interval and a poll
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(sent) == RECORDS);
        awaitCommittedToTheEnd(Duration.ofSeconds(10));
        double seconds = (System.nanoTime() - begun) / 1e9;

        // And the consumers committed about once a second, where a commit per poll would have been ~40 commits
        double commits = commits() - commitsBefore;
        assertThat(commits).as("commits for %d records over %.1f s", RECORDS, seconds)
                .isGreaterThanOrEqualTo(1)
                .isLessThanOrEqualTo(Math.ceil(seconds) + 2)
                .isLessThan(RECORDS / 4.0);
    }

    @Test
    void stoppingTheListenerCommitsWhatItHandledSoARestartRepeatsNothing() throws Exception {
        // Given records handled moments ago, within the commit interval
        awaitCommittedToTheEnd(Duration.ofSeconds(15));
        List<UUID> sent = publishOneAtATime("stop");
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(sent) == RECORDS);

        // When the listener stops (a deploy, a scale-down)
        container().stop();

        // Then its offsets are already at the end: a restarted instance repeats none of them
        assertThat(uncommitted()).as("records handled but not committed after the stop").isZero();
        container().start();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> sent.stream().allMatch(id -> listeners.inboxDeliveries.get(id).get() == 1));
    }

    private List<UUID> publishOneAtATime(String label) {
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            InboundMessageReceived event = TestEvents.inboundMessage(BUSINESS_A, label + "-" + i + "-" + UUID.randomUUID());
            TestRecords.publish(TOPIC, "cadence-conversation", TestRecords.encode(TOPIC, event),
                    "eventId", event.getEventId().toString(), TenantHeaders.BUSINESS_ID, BUSINESS_A.toString());
            sent.add(event.getEventId());
            sleep(25);
        }
        return sent;
    }

    private long handled(List<UUID> sent) {
        return sent.stream().map(listeners.inboxDeliveries::get).filter(count -> count != null && count.get() > 0).count();
    }

    private MessageListenerContainer container() {
        return registry.getListenerContainers().stream().filter(c -> GROUP.equals(c.getGroupId())).findFirst()
                .orElseThrow(() -> new AssertionError("no listener container of group " + GROUP));
    }

    /** Commit calls of the group's consumers so far (the Kafka client's own count, {@code commit-total}). */
    private double commits() {
        return container().metrics().values().stream()
                .flatMap(metrics -> metrics.entrySet().stream())
                .filter(metric -> metric.getKey().name().equals("commit-total")
                        && metric.getKey().group().equals("consumer-coordinator-metrics"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .sum();
    }

    private void awaitCommittedToTheEnd(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> uncommitted() == 0);
    }

    /** Records on the topic past the group's committed offsets, over all partitions. */
    private long uncommitted() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get()
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        AtomicInteger behind = new AtomicInteger();
        ends.forEach((partition, end) -> {
            OffsetAndMetadata at = committed.get(partition);
            behind.addAndGet((int) (end - (at == null ? 0 : at.offset())));
        });
        return behind.get();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
