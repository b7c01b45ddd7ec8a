package com.sellavie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.platform.testservice.ConsumerServiceTest;
import com.sellavie.platform.testservice.TestListeners;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A service's Kafka consumers on a real broker: how many run, what threads they cost, and that their
 * client metrics are still published.
 */
@ConsumerServiceTest
class KafkaHousekeepingIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Autowired
    MeterRegistry meters;

    @Test
    void consumersShareOneHousekeepingThreadAndStillPublishTheirMetrics() {
        // Given the service's listeners running: several consumers each
        List<MessageListenerContainer> consumers = consumers();
        assertThat(consumers).hasSizeGreaterThan(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumers.stream().allMatch(MessageListenerContainer::isRunning));

        // Then no consumer has a scheduler or a metrics thread of its own, one thread serves them all
        Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .collect(Collectors.toSet());
        assertThat(threads).noneMatch(name -> name.startsWith("micrometer-kafka-metrics"))
                .noneMatch(name -> name.startsWith("ThreadPoolTaskScheduler-"));
        assertThat(threads.stream().filter(name -> name.startsWith(KafkaHousekeeping.THREAD_NAME_PREFIX)))
                .hasSize(1);
        // And every consumer's client metrics are published, as Spring Boot's own binding would
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(meters.find("kafka.consumer.fetch.manager.fetch.total").functionCounters())
                        .hasSizeGreaterThanOrEqualTo(consumers.size()));
    }

    @Test
    void aLightListenerRunsOneConsumerWhereTheOthersRunTheDefaultThree() {
        assertThat(container(TestListeners.CLASSIFIED_GROUP).getConcurrency()).isEqualTo(1);
        assertThat(container(TestListeners.INBOX_GROUP).getConcurrency()).isEqualTo(3);
    }

    private List<MessageListenerContainer> consumers() {
        return registry.getListenerContainers().stream()
                .flatMap(container -> container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent
                        ? concurrent.getContainers().stream().map(MessageListenerContainer.class::cast)
                        : List.of(container).stream())
                .toList();
    }

    private ConcurrentMessageListenerContainer<?, ?> container(String groupId) {
        return registry.getListenerContainers().stream()
                .filter(container -> groupId.equals(container.getGroupId()))
                .map(ConcurrentMessageListenerContainer.class::cast)
                .findFirst().orElseThrow();
    }
}
