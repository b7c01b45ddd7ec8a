package com.sellavie.platform.outbox;

import com.sellavie.platform.retention.RetentionJob;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes outbox rows older than the retention window, in batches, on its own thread. The publication is
 * insert-only, so these deletes never reach the relay.
 */
public class OutboxRetention extends RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    private static final String DELETE_BATCH = "DELETE FROM outbox WHERE ctid IN "
            + "(SELECT ctid FROM outbox WHERE created_at < ? LIMIT ?)";

    private final JdbcTemplate jdbc;
    private final OutboxRetentionProperties properties;
    private final Clock clock;

    public OutboxRetention(JdbcTemplate jdbc, OutboxRetentionProperties properties, Clock clock) {
        super("outbox-retention", properties.cleanupInterval());
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes every row older than the retention window; returns how many. */
    @Override
    public int deleteExpired() {
        Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(properties.retention()));
        int total = inBatches(properties.cleanupBatch(), () -> jdbc.update(DELETE_BATCH, cutoff, properties.cleanupBatch()));
        if (total > 0) {
            log.info("Outbox retention deleted {} events written before {}", total, cutoff.toInstant());
        }
        return total;
    }
}
