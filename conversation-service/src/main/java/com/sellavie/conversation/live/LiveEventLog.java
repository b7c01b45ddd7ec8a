package com.sellavie.conversation.live;

import com.sellavie.platform.tenancy.Tenancy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retained events in {@code live_events}: what a resuming client missed, and the purge of old ones.
 * Reads run as the business (row-level security keeps each business to its own rows).
 */
@Component
class LiveEventLog {

    static final String RETENTION_LOOKUP = "live-events-retention";

    /** What a client resuming after an id gets: the events it missed, or {@code reset} when some may be gone. */
    sealed interface Resume {
    }

    record Replay(List<LiveEvent> events) implements Resume {
    }

    record Reset(long latestId) implements Resume {
    }

    private final JdbcTemplate jdbc;
    private final Tenancy tenancy;

    LiveEventLog(JdbcTemplate jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** The feed's latest id (0 before the first event). */
    long latestId() {
        Long latest = jdbc.queryForObject("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM live_events_id_seq",
                Long.class);
        return latest == null ? 0 : latest;
    }

    /**
     * The business's events after {@code lastEventId}, oldest first; a reset when that id is not one this
     * feed gave (unparseable, or ahead of it: e.g. the database was rebuilt) or older than what is kept,
     * and when more than {@code maxReplay} were missed (refetching is cheaper than replaying them all).
     */
    Resume after(UUID businessId, String lastEventId, int maxReplay) {
        long latest = latestId();
        long after;
        try {
            after = Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return new Reset(latest);
        }
        Long purgedThrough = jdbc.query("SELECT purged_through FROM live_event_horizons WHERE business_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, businessId);
        if (after < 0 || after > latest || purgedThrough != null && after < purgedThrough) {
            return new Reset(latest);
        }
        List<LiveEvent> missed = jdbc.query("SELECT id, business_id, kind, conversation_id, message_id, detail, at "
                + "FROM live_events WHERE business_id = ? AND id > ? ORDER BY id LIMIT ?", (rs, row) -> new LiveEvent(
                rs.getLong("id"), rs.getObject("business_id", UUID.class), rs.getString("kind"),
                rs.getObject("conversation_id", UUID.class), rs.getObject("message_id", UUID.class),
                rs.getString("detail"), rs.getTimestamp("at").toInstant()), businessId, after, maxReplay + 1);
        return missed.size() > maxReplay ? new Reset(latest) : new Replay(missed);
    }

    /** Deletes every business's events older than {@code cutoff}, remembering per business how far it went. */
    void purgeBefore(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        List<UUID> businesses = tenancy.globalLookup(RETENTION_LOOKUP, () -> jdbc.queryForList(
                "SELECT DISTINCT business_id FROM live_events WHERE at < ?", UUID.class, before));
        for (UUID business : businesses) {
            tenancy.runAs(business, () -> jdbc.update("""
                    WITH gone AS (DELETE FROM live_events WHERE business_id = ? AND at < ? RETURNING id)
                    INSERT INTO live_event_horizons (business_id, purged_through)
                    SELECT ?, max(id) FROM gone HAVING max(id) IS NOT NULL
                    ON CONFLICT (business_id) DO UPDATE
                        SET purged_through = greatest(live_event_horizons.purged_through, excluded.purged_through)
                    """, business, before, business));
        }
    }
}
