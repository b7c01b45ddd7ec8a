package com.sellavie.platform.inbox;

import com.sellavie.platform.retention.RetentionJob;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deletes inbox entries older than the retention window, in small batches, on its own thread. */
public class InboxRetention extends RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);
    private static final String DELETE_BATCH = "DELETE FROM inbox WHERE ctid IN "
            + "(SELECT ctid FROM inbox WHERE processed_at < ? LIMIT ?)";

    private final JdbcTemplate jdbc;
    private final InboxProperties properties;
    private final Clock clock;

    public InboxRetention(JdbcTemplate jdbc, InboxProperties properties, Clock clock) {
        super("inbox-retention", properties.cleanupInterval());
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes every entry older than the retention window; returns how many. */
    @Override
    public int deleteExpired() {
        Timestamp cutoff = Timestamp.from(Instant.now(clock).minus(properties.retention()));
        int total = inBatches(properties.cleanupBatch(), () -> jdbc.update(DELETE_BATCH, cutoff, properties.cleanupBatch()));
        if (total > 0) {
            log.info("Inbox retention deleted {} entries processed before {}", total, cutoff.toInstant());
        }
        return total;
    }
}
