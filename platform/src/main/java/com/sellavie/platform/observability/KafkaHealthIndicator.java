package com.sellavie.platform.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the Kafka cluster answers a describe-cluster request within a short timeout. One admin
 * client is kept for the application's life: probes run every few seconds, and a client per probe
 * would open a new connection (and thread) each time.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Map<String, Object> adminConfigs;
    private final Duration timeout;
    private volatile AdminClient admin;

    KafkaHealthIndicator(Map<String, Object> adminConfigs, Duration timeout) {
        super("Kafka health check failed");
        this.adminConfigs = adminConfigs;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int millis = (int) timeout.toMillis();
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(millis));
        String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    private AdminClient admin() {
        AdminClient current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> configs = new HashMap<>(adminConfigs);
                    int millis = (int) timeout.toMillis();
                    configs.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
                    configs.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
                    configs.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "sellavie-health");
                    admin = AdminClient.create(configs);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        AdminClient current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }
}
