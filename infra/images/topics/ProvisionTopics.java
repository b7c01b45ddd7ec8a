import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Compose's one-shot topic provisioning: every topic com.sellavie.schemas.Topics declares, with its
 * dead-letter topic, created before a service starts (as the local stack's EventTopics does), so
 * compacted topics are compacted from the first record. Idempotent: existing topics are left alone.
 * Environment: KAFKA_BOOTSTRAP, TOPIC_PARTITIONS (Topics.PARTITIONS), TOPIC_REPLICATION_FACTOR (1).
 */
public final class ProvisionTopics {

    public static void main(String[] args) throws Exception {
        String bootstrap = env("KAFKA_BOOTSTRAP", "kafka:9092");
        int partitions = Integer.parseInt(env("TOPIC_PARTITIONS", String.valueOf(Topics.PARTITIONS)));
        short replication = Short.parseShort(env("TOPIC_REPLICATION_FACTOR", "1"));
        List<NewTopic> declared = new ArrayList<>();
        for (Topic topic : Topics.ALL) {
            NewTopic main = new NewTopic(topic.name(), partitions, replication);
            if (topic.compacted()) {
                main.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            declared.add(main);
            declared.add(new NewTopic(topic.deadLetterTopic(), partitions, replication));
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60000);
        // One attempt: compose starts this once Kafka is healthy and restarts it on failure.
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = declared.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            System.err.printf("topics: %d declared, %d created%n", declared.size(), missing.size());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
