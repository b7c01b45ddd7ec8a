package com.sellavie.identity.activity;

import com.sellavie.identity.session.SessionProperties;
import com.sellavie.platform.retention.RetentionJob;
import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes, business by business and in batches, every {@code cleanup-interval}: activity entries and
 * security events older than {@code sellavie.activity.retention}, and the refresh tokens and sessions of
 * sessions that ended more than {@code ended-session-retention} ago. Every instance may run it:
 * deleting the same rows twice is harmless.
 */
@Component
@EnableConfigurationProperties(ActivityProperties.class)
public class ActivityRetention extends RetentionJob {

    /** Global lookup: the businesses, a page at a time (the purge then runs as each). */
    public static final String BUSINESSES_LOOKUP = "activity-retention-businesses";

    private static final Logger log = LoggerFactory.getLogger(ActivityRetention.class);
    private static final int BUSINESSES_PER_ROUND = 100;
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final ActivityProperties properties;
    private final SessionProperties sessions;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    ActivityRetention(JdbcClient jdbc, Tenancy tenancy, ActivityProperties properties, SessionProperties sessions,
            MeterRegistry meters) {
        super("activity-retention", properties.cleanupInterval());
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.properties = properties;
        this.sessions = sessions;
        this.meters = meters;
    }

    @Override
    public int deleteExpired() {
        Instant now = clock.instant();
        Timestamp activityCutoff = Timestamp.from(now.minus(properties.retention()));
        Timestamp sessionCutoff = Timestamp.from(now.minus(properties.endedSessionRetention()));
        int total = 0;
        UUID after = new UUID(0, 0);
        List<UUID> businesses;
        do {
            UUID from = after;
            businesses = tenancy.globalLookup(BUSINESSES_LOOKUP, () -> jdbc
                    .sql("SELECT id FROM businesses WHERE id > :after ORDER BY id LIMIT :limit")
                    .param("after", from).param("limit", BUSINESSES_PER_ROUND).query(UUID.class).list());
            for (UUID business : businesses) {
                total += tenancy.callAs(business, () -> purge(business, activityCutoff, sessionCutoff));
                after = business;
            }
        } while (businesses.size() == BUSINESSES_PER_ROUND);
        if (total > 0) {
            log.info("Activity retention deleted {} rows (activity before {}, sessions ended before {})", total,
                    activityCutoff.toInstant(), sessionCutoff.toInstant());
        }
        return total;
    }

    private int purge(UUID business, Timestamp activityCutoff, Timestamp sessionCutoff) {
        int deleted = inBatches(BATCH, () -> jdbc.sql("""
                        DELETE FROM activity_entries WHERE id IN (SELECT id FROM activity_entries
                            WHERE business_id = :business AND occurred_at < :cutoff LIMIT :batch)""")
                .param("business", business).param("cutoff", activityCutoff).param("batch", BATCH).update());
        deleted += inBatches(BATCH, () -> jdbc.sql("""
                        DELETE FROM security_events WHERE id IN (SELECT id FROM security_events
                            WHERE business_id = :business AND occurred_at < :cutoff LIMIT :batch)""")
                .param("business", business).param("cutoff", activityCutoff).param("batch", BATCH).update());
        // A session ended at the earliest of: its absolute expiry, its idle expiry, its revocation.
        String ended = """
                SELECT id FROM sessions WHERE business_id = :business
                  AND least(expires_at, last_used_at + make_interval(secs => :idle), coalesce(revoked_at, 'infinity'))
                      < :cutoff""";
        deleted += inBatches(BATCH, () -> jdbc.sql("DELETE FROM refresh_tokens WHERE token_hash IN (SELECT token_hash "
                        + "FROM refresh_tokens WHERE business_id = :business AND session_id IN (" + ended + ") LIMIT :batch)")
                .param("business", business).param("cutoff", sessionCutoff).param("batch", BATCH)
                .param("idle", (double) sessions.idleTtl().toSeconds()).update());
        deleted += inBatches(BATCH, () -> jdbc.sql("DELETE FROM sessions WHERE id IN (" + ended + " LIMIT :batch)")
                .param("business", business).param("cutoff", sessionCutoff).param("batch", BATCH)
                .param("idle", (double) sessions.idleTtl().toSeconds()).update());
        return deleted;
    }

    @Override
    protected void failed(RuntimeException failure) {
        meters.counter("sellavie.identity.activity.retention_failures").increment();
    }
}
