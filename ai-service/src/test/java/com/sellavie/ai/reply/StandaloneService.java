package com.sellavie.ai.reply;

import static org.awaitility.Awaitility.await;

import com.sellavie.ai.AiServiceApplication;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * ai-service started whole, outside Spring's test context cache, for tests that stop it or break its
 * database. It consumes as its own consumer group, from the records published after it is ready: other
 * test contexts of this JVM may still be consuming as group ai-service.
 */
final class StandaloneService {

    private StandaloneService() {
    }

    static ConfigurableApplicationContext start(String group, ApplicationContextInitializer<?> infrastructure,
            String... args) {
        String[] all = Stream.concat(Stream.of("--server.port=0", "--spring.kafka.consumer.group-id=" + group,
                "--spring.kafka.consumer.auto-offset-reset=latest"), Stream.of(args)).toArray(String[]::new);
        ConfigurableApplicationContext service = new SpringApplicationBuilder(AiServiceApplication.class)
                .initializers(infrastructure).run(all);
        try {
            awaitAllPartitionsAssigned(service, Topics.CONVERSATION_REPLY_REQUESTS.name());
        } catch (RuntimeException | AssertionError e) {
            service.close();
            throw e;
        }
        return service;
    }

    private static void awaitAllPartitionsAssigned(ConfigurableApplicationContext service, String topic) {
        KafkaListenerEndpointRegistry listeners = service.getBean(KafkaListenerEndpointRegistry.class);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            // The topic may only be being created (by the listeners' subscription) when the service is up.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(topic).partitions().size();
                return listeners.getListenerContainers().stream()
                        .flatMap(container -> container.getAssignedPartitions() == null ? Stream.empty()
                                : container.getAssignedPartitions().stream())
                        .filter(partition -> partition.topic().equals(topic)).count() == partitions;
            });
        }
    }
}
