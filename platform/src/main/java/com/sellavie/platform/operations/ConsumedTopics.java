package com.sellavie.platform.operations;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The topics this service's Kafka listeners consume, with their consumer groups. */
final class ConsumedTopics {

    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

    ConsumedTopics(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        this.registry = registry;
    }

    /** Topic -> consumer groups, sorted; dead-letter topics themselves are not listed. */
    Map<String, Set<String>> byTopic() {
        Map<String, Set<String>> topics = new TreeMap<>();
        KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
        if (listeners == null) {
            return topics;
        }
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            ContainerProperties properties = container.getContainerProperties();
            if (properties.getTopics() != null) {
                Arrays.stream(properties.getTopics()).forEach(topic -> add(topics, topic, container.getGroupId()));
            }
            if (properties.getTopicPartitions() != null) {
                Arrays.stream(properties.getTopicPartitions())
                        .forEach(partition -> add(topics, partition.getTopic(), container.getGroupId()));
            }
        }
        return topics;
    }

    private static void add(Map<String, Set<String>> topics, String topic, String group) {
        if (topic.endsWith(".dlt")) {
            return;
        }
        Set<String> groups = topics.computeIfAbsent(topic, t -> new TreeSet<>());
        if (group != null) {
            groups.add(group);
        }
    }
}
