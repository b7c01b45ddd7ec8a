package com.sellavie.local;

import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates every topic {@link Topics} declares, with its dead-letter topic, before a service starts,
 * so compacted topics are compacted from the first record (auto-creation would not know).
 */
final class EventTopics {

    static final int PARTITIONS = Topics.PARTITIONS;

    private EventTopics() {
    }

    static List<NewTopic> declared() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topics.ALL) {
            NewTopic main = new NewTopic(topic.name(), PARTITIONS, (short) 1);
            if (topic.compacted()) {
                main.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(main);
            topics.add(new NewTopic(topic.deadLetterTopic(), PARTITIONS, (short) 1));
        }
        return topics;
    }

    /** Creates the declared topics that do not exist yet; returns how many it created. */
    static int ensure(String bootstrapServers) {
        try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = declared().stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            return missing.size();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the event topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
