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
     * The relay's own database role (SELLAVIE_DB_RELAY_USER): LOGIN REPLICATION, reading only the outbox and
     * writing only the relay's bookkeeping tables. Required: the service's runtime role has no REPLICATION.
     */
    private String username;
    /** Its password (SELLAVIE_DB_RELAY_PASSWORD). */
    private String password;
    /**
     * Debezium's {@code poll.interval.ms}. With platform's patched Debezium classes an idle relay no longer sleeps it
     * out: its WAL reader waits on its connection and its queue hands a change over as it arrives, each looking again
     * at least this often (250 ms by default); the interval is the reader's pause only if pgjdbc's socket cannot be
     * reached (the relay warns at start). Before the patches it was the bulk of commit-to-Kafka latency
     * (docs/benchmarks.md, "Relay").
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
    /**
     * A leader whose heartbeat (relay_leader.heartbeat_at, refreshed every lock-retry-interval) is older than
     * this is presumed gone (host or network lost): a standby ends its sessions and takes over. With the
     * default and a 1 s retry interval a standby streams again within 30 s of the leader vanishing.
     */
    private Duration leaderTimeout = Duration.ofSeconds(20);
    /**
     * A leader that could not get a batch acknowledged by Kafka for this long steps down (engine stopped,
     * lock released) and waits as long again before competing, so a standby that may reach Kafka takes over.
     */
    private Duration kafkaStepDownAfter = Duration.ofSeconds(30);
    /**
     * When a new slot must be created, rows are republished from the acknowledged position (a commit time)
     * minus this margin: a row's created_at is its transaction's start, so a row committed after the
     * acknowledged position has a created_at within this margin of it unless its transaction ran longer.
     */
    private Duration republishMargin = Duration.ofMinutes(5);
    /** Outbox rows read, sent and acknowledged per round of a republish. */
    private int republishBatchSize = 500;
    /** Extra Kafka producer properties (e.g. {@code linger.ms}); acks=all and idempotence are always on. */
    private Map<String, String> producer = new HashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
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

    public Duration getLeaderTimeout() {
        return leaderTimeout;
    }

    public void setLeaderTimeout(Duration leaderTimeout) {
        this.leaderTimeout = leaderTimeout;
    }

    public Duration getKafkaStepDownAfter() {
        return kafkaStepDownAfter;
    }

    public void setKafkaStepDownAfter(Duration kafkaStepDownAfter) {
        this.kafkaStepDownAfter = kafkaStepDownAfter;
    }

    public Duration getRepublishMargin() {
        return republishMargin;
    }

    public void setRepublishMargin(Duration republishMargin) {
        this.republishMargin = republishMargin;
    }

    public int getRepublishBatchSize() {
        return republishBatchSize;
    }

    public void setRepublishBatchSize(int republishBatchSize) {
        this.republishBatchSize = republishBatchSize;
    }

    public Map<String, String> getProducer() {
        return producer;
    }

    public void setProducer(Map<String, String> producer) {
        this.producer = producer;
    }
}
