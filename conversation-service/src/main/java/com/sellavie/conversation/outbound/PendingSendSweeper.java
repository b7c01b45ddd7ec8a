package com.sellavie.conversation.outbound;

import com.sellavie.conversation.messaging.MessageStore;
import com.sellavie.platform.tenancy.Tenancy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns PENDING outbound messages whose sender is gone into UNKNOWN: they may or may not have reached
 * the customer, so they are shown, never re-sent automatically.
 *
 * <ul>
 *   <li>At start-up, before the Kafka listeners start (lower lifecycle phase): every PENDING message
 *       written before this start is a previous process's unfinished send. This assumes one sending
 *       instance per database, as in the local stack; with several instances, rely on the timeout
 *       below (a live sender that finishes later still records SENT/FAILED over UNKNOWN).</li>
 *   <li>Periodically: any message PENDING for longer than {@code sellavie.outbound.pending-timeout}.</li>
 * </ul>
 */
@Component
class PendingSendSweeper implements SmartLifecycle {

    static final String LOOKUP = "pending-outbound-sends";
    private static final Logger log = LoggerFactory.getLogger(PendingSendSweeper.class);

    private final JdbcTemplate jdbc;
    private final MessageStore store;
    private final Tenancy tenancy;
    private final TransactionTemplate transaction;
    private final OutboundProperties properties;
    private ScheduledExecutorService timer;

    PendingSendSweeper(JdbcTemplate jdbc, MessageStore store, Tenancy tenancy, TransactionTemplate transaction,
            OutboundProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.tenancy = tenancy;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** Marks every message PENDING since before {@code cutoff} UNKNOWN; returns how many. */
    int markPendingUnknown(Instant cutoff, String reason) {
        List<PendingRow> rows = tenancy.globalLookup(LOOKUP, () -> jdbc.query(
                "SELECT business_id, id FROM messages WHERE delivery_status = 'PENDING' AND updated_at < ?",
                (rs, row) -> new PendingRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                Timestamp.from(cutoff)));
        int marked = 0;
        for (PendingRow row : rows) {
            Integer changed = tenancy.callAs(row.businessId(), () -> transaction.execute(
                    status -> store.markUnknown(row.businessId(), row.messageId(), 0, reason)));
            if (changed != null && changed == 1) {
                marked++;
                log.warn("Outbound message {} (business {}) was left PENDING ({}): now UNKNOWN, not re-sent",
                        row.messageId(), row.businessId(), reason);
            }
        }
        return marked;
    }

    @Override
    public void start() {
        markPendingUnknown(Instant.now(), "INTERRUPTED_BY_RESTART");
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pending-send-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, properties.pendingTimeout().toSeconds() / 2);
        timer.scheduleWithFixedDelay(this::sweepStale, every, every, TimeUnit.SECONDS);
    }

    private void sweepStale() {
        try {
            markPendingUnknown(Instant.now().minus(properties.pendingTimeout()), "PENDING_TIMEOUT");
        } catch (RuntimeException e) {
            log.warn("Pending-send sweep failed; next run retries", e);
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Before the Kafka listener containers (and the web server), after the data source and Flyway. */
    @Override
    public int getPhase() {
        return 0;
    }

    private record PendingRow(UUID businessId, UUID messageId) {
    }
}
