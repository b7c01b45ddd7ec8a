package com.sellavie.platform.relay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Asks the broker whether a topic exists, for a record whose send failed waiting for its topic. With automatic
 * topic creation off (production: topics are provisioned), a missing topic refuses its records for good until an
 * operator creates it, so they are kept aside as dead letters instead of holding every other topic's events back.
 * Only the broker's own "no such topic" counts: a broker that cannot be asked (Kafka down) is no proof, and the
 * batch is retried as before.
 */
class MissingTopics implements AutoCloseable {

    static final MissingTopics NONE = new MissingTopics(null, Duration.ZERO);

    private final Map<String, Object> adminConfig;
    private final Duration wait;
    private volatile Admin admin;

    private MissingTopics(Map<String, Object> adminConfig, Duration wait) {
        this.adminConfig = adminConfig;
        this.wait = wait;
    }

    /** Asks the brokers of {@code producerConfig} (the relay producer's connection settings), within {@code wait}. */
    static MissingTopics of(Map<String, Object> producerConfig, String databaseName, Duration wait) {
        Map<String, Object> config = new HashMap<>();
        producerConfig.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name)) {
                config.put(name, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "sellavie-relay-" + databaseName + "-topics");
        int millis = (int) wait.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        return new MissingTopics(config, wait);
    }

    /** True only when the broker answered that {@code topic} does not exist. */
    synchronized boolean confirmed(String topic) throws InterruptedException {
        if (adminConfig == null) {
            return false;
        }
        Admin current = admin;
        if (current == null) {
            current = Admin.create(adminConfig);
            admin = current;
        }
        try {
            current.describeTopics(List.of(topic)).allTopicNames().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnknownTopicOrPartitionException;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Not waiting for a check in flight (it then fails, which counts as no proof). */
    @Override
    public void close() {
        Admin current = admin;
        admin = null;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }
}
