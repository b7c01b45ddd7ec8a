package com.sellavie.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code ./sellavie status}: each service process (pid alive, how long up, restarts, health), which
 * instance leads each service's relay and how far behind it is, and each consumer group's lag. Reads
 * {@link RunState} and asks the services and the broker; a part that does not answer is reported as such.
 */
final class StackStatus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(3);
    /** The lag of a group that has not committed an offset yet (it has consumed nothing). */
    static final long NOTHING_COMMITTED = -1;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Consumer<String> out;

    StackStatus(Consumer<String> out) {
        this.out = out;
    }

    void print(RunState state, Instant now) {
        out.accept(String.format("%-14s %6s %8s %9s %8s  %-6s %s", "SERVICE", "PORT", "PID", "UP", "RESTARTS",
                "HEALTH", "RELAY"));
        for (RunState.Instance instance : state.instances()) {
            boolean alive = ProcessHandle.of(instance.pid()).map(ProcessHandle::isAlive).orElse(false);
            JsonNode health = alive ? health(instance.healthUrl()) : null;
            String status = !alive ? "DEAD" : health == null ? "NO ANSWER" : health.path("status").asText("?");
            out.accept(String.format("%-14s %6d %8d %9s %8d  %-6s %s", instance.name(), instance.port(),
                    instance.pid(), alive ? upFor(instance.startedAt(), now) : "-", instance.restarts(), status,
                    relay(health)));
        }
        out.accept("");
        out.accept("Consumer lag (records not yet processed), by group:");
        try {
            Map<String, Long> lags = consumerLag(state.kafkaBootstrap());
            if (lags.isEmpty()) {
                out.accept("  no consumer group yet");
            }
            lags.forEach((group, lag) -> out.accept(String.format("  %-40s %s", group,
                    lag == NOTHING_COMMITTED ? "nothing consumed yet" : lag)));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            out.accept("  the broker at " + state.kafkaBootstrap() + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode health(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(ASK_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            // 503 still carries the components: which one is down is the useful part.
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** "leader (lag 0 B)" / "standby, leader host:pid" / "-" for a service without a relay (the gateway). */
    static String relay(JsonNode health) {
        JsonNode relay = health == null ? null : health.path("components").path("relay");
        if (relay == null || relay.isMissingNode()) {
            return "-";
        }
        JsonNode details = relay.path("details");
        String role = details.path("role").asText("?").toLowerCase(Locale.ROOT);
        StringBuilder text = new StringBuilder(role);
        if ("leader".equals(role)) {
            if (details.has("slotLagBytes")) {
                text.append(" (slot lag ").append(details.path("slotLagBytes").asLong()).append(" B)");
            }
            if (!details.path("streaming").asBoolean(true)) {
                text.append(", not streaming");
            }
        } else if (details.has("leader")) {
            text.append(", leader ").append(details.path("leader").asText());
        }
        return text.toString();
    }

    static String upFor(String startedAt, Instant now) {
        try {
            Duration up = Duration.between(Instant.parse(startedAt), now);
            return up.toHours() > 0 ? up.toHours() + "h" + up.toMinutesPart() + "m"
                    : up.toMinutes() + "m" + up.toSecondsPart() + "s";
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** Per group: the sum over its partitions of (end offset - committed offset); {@link #NOTHING_COMMITTED}. */
    static Map<String, Long> consumerLag(String bootstrap)
            throws ExecutionException, InterruptedException, TimeoutException {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis() * 2);
        Map<String, Long> lags = new TreeMap<>();
        try (Admin admin = Admin.create(config)) {
            List<String> groups = new ArrayList<>();
            for (ConsumerGroupListing listing : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                groups.add(listing.groupId());
            }
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new TreeMap<>(Comparator
                        .comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
                committed.forEach((partition, offset) -> {
                    if (offset != null) {
                        latest.put(partition, OffsetSpec.latest());
                    }
                });
                if (latest.isEmpty()) {
                    lags.put(group, NOTHING_COMMITTED);
                    continue;
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(10, TimeUnit.SECONDS);
                long lag = 0;
                for (var end : ends.entrySet()) {
                    lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
                }
                lags.put(group, lag);
            }
        }
        return lags;
    }
}
