package com.sellavie.platform.relay;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the outbox relay ({@code sellavie.relay.*}). The defaults suit production. */
@ConfigurationProperties("sellavie.relay")
public class RelayProperties {

    /** Run a relay in this service (one instance per database streams; the others stand by). */
    private boolean enabled = true;
    /**
     * Debezium's {@code poll.interval.ms}: how long its WAL reader pauses when idle and its queue waits to
     * fill a batch, so the bulk of commit-to-Kafka latency. 20 ms meets p99 &lt;= 100 ms at 1,000 events/s
     * on two shared cores; 50 ms did not (docs/benchmarks.md).
     */
    private Duration pollInterval = Duration.ofMillis(20);
    /** Most changes handed over (and sent to Kafka) per batch. */
    private int maxBatchSize = 2048;
    /** Changes Debezium buffers between the WAL reader and the batches. */
    private int maxQueueSize = 8192;
    /** Key of the session-level advisory lock that elects the relay of a database. */
    private long lockKey = 0x53454c4c4156L; // "SELLAV"
    /** How often a standby tries the lock, and a leader checks its lock connection. */
    private Duration lockRetryInterval = Duration.ofSeconds(1);
    /** Pause before the leader restarts an engine that stopped on an error. */
    private Duration restartDelay = Duration.ofSeconds(1);
    /** How often the position of acknowledged changes is stored (replayed after a crash: at-least-once). */
    private Duration offsetFlushInterval = Duration.ofSeconds(1);
    /** Lets Debezium confirm its position to PostgreSQL in quiet periods, so the slot retains no old WAL. */
    private Duration heartbeatInterval = Duration.ofSeconds(10);
    /** Replication slot; derived from the database name when empty. */
    private String slotName;
    /** Publication of the outbox's inserts, created by the platform migration V1. */
    private String publicationName = "sellavie_outbox";
    /** Table where Debezium keeps the relay's offsets (created by the platform migration V1). */
    private String offsetsTable = "relay_offsets";
    /** Drop the replication slot when the relay stops gracefully. For tests only: events written while no slot exists are lost. */
    private boolean dropSlotOnStop = false;
    /** Identifies this instance in the lock connection's application_name and in health details. */
    private String instanceId;
    /** Extra Kafka producer properties (e.g. {@code linger.ms}); acks=all and idempotence are always on. */
    private Map<String, String> producer = new HashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public int getMaxQueueSize() {
        return maxQueueSize;
    }

    public void setMaxQueueSize(int maxQueueSize) {
        this.maxQueueSize = maxQueueSize;
    }

    public long getLockKey() {
        return lockKey;
    }

    public void setLockKey(long lockKey) {
        this.lockKey = lockKey;
    }

    public Duration getLockRetryInterval() {
        return lockRetryInterval;
    }

    public void setLockRetryInterval(Duration lockRetryInterval) {
        this.lockRetryInterval = lockRetryInterval;
    }

    public Duration getRestartDelay() {
        return restartDelay;
    }

    public void setRestartDelay(Duration restartDelay) {
        this.restartDelay = restartDelay;
    }

    public Duration getOffsetFlushInterval() {
        return offsetFlushInterval;
    }

    public void setOffsetFlushInterval(Duration offsetFlushInterval) {
        this.offsetFlushInterval = offsetFlushInterval;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public String getSlotName() {
        return slotName;
    }

    public void setSlotName(String slotName) {
        this.slotName = slotName;
    }

    public String getPublicationName() {
        return publicationName;
    }

    public void setPublicationName(String publicationName) {
        this.publicationName = publicationName;
    }

    public String getOffsetsTable() {
        return offsetsTable;
    }

    public void setOffsetsTable(String offsetsTable) {
        this.offsetsTable = offsetsTable;
    }

    public boolean isDropSlotOnStop() {
        return dropSlotOnStop;
    }

    public void setDropSlotOnStop(boolean dropSlotOnStop) {
        this.dropSlotOnStop = dropSlotOnStop;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public Map<String, String> getProducer() {
        return producer;
    }

    public void setProducer(Map<String, String> producer) {
        this.producer = producer;
    }
}
