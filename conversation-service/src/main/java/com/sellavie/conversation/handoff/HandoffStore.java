package com.sellavie.conversation.handoff;

import com.sellavie.platform.tenancy.Tenancy;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Conversations' modes as stored. Reads for a change lock the row ({@code FOR UPDATE}), so a takeover
 * and a customer's message, or two instances' quiet-period jobs, apply one after the other. The only
 * cross-tenant read is the quiet-period scan (global lookup {@value #LOOKUP}, ids only).
 */
@Repository
class HandoffStore {

    static final String LOOKUP = "handoff-quiet-period";

    /** The latest customer or member message, or the mode change itself if later: what "quiet since" counts from. */
    private static final String LAST_ACTIVITY = "GREATEST(c.mode_changed_at, (SELECT max(m.sent_at) FROM messages m "
            + "WHERE m.business_id = c.business_id AND m.conversation_id = c.id "
            + "AND m.author_type IN ('CUSTOMER', 'MEMBER')))";
    private static final String QUIET = "c.mode = 'HUMAN' AND " + LAST_ACTIVITY
            + " < now() - make_interval(mins => COALESCE(s.quiet_period_minutes, ?))";

    private final JdbcTemplate jdbc;
    private final Tenancy tenancy;

    HandoffStore(JdbcTemplate jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    Optional<HandoffConversation> lock(UUID businessId, UUID conversationId) {
        return jdbc.query("SELECT c.id, c.business_id, c.contact_id, k.name, ch.type, c.mode, c.assignee_id "
                        + "FROM conversations c JOIN contacts k ON k.id = c.contact_id "
                        + "JOIN channels ch ON ch.id = c.channel_id "
                        + "WHERE c.business_id = ? AND c.id = ? FOR UPDATE OF c",
                (rs, row) -> new HandoffConversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), Mode.valueOf(rs.getString(6)),
                        rs.getObject(7, UUID.class)),
                businessId, conversationId).stream().findFirst();
    }

    /** Records the new mode, its assignee and the event that changed it (null cause: a member or a job). */
    void update(UUID businessId, UUID conversationId, Mode mode, UUID assigneeId, UUID causeEventId, boolean modeChanged) {
        jdbc.update("UPDATE conversations SET mode = ?, assignee_id = ?, "
                        + "mode_changed_at = CASE WHEN ? THEN now() ELSE mode_changed_at END, "
                        + "mode_cause_event_id = CASE WHEN ? THEN ? ELSE mode_cause_event_id END "
                        + "WHERE business_id = ? AND id = ?",
                mode.name(), assigneeId, modeChanged, modeChanged, causeEventId, businessId, conversationId);
    }

    /** HUMAN conversations of every business quiet for longer than their business's quiet period (ids only). */
    List<QuietConversation> quiet(int defaultMinutes, int limit) {
        return tenancy.globalLookup(LOOKUP, () -> jdbc.query("SELECT c.business_id, c.id FROM conversations c "
                        + "LEFT JOIN handoff_settings s ON s.business_id = c.business_id WHERE " + QUIET + " LIMIT ?",
                (rs, row) -> new QuietConversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                defaultMinutes, limit));
    }

    /** Whether the conversation is still HUMAN and quiet (checked again under its lock, as its business). */
    boolean stillQuiet(UUID businessId, UUID conversationId, int defaultMinutes) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM conversations c "
                        + "LEFT JOIN handoff_settings s ON s.business_id = c.business_id "
                        + "WHERE c.business_id = ? AND c.id = ? AND " + QUIET + ")", Boolean.class,
                businessId, conversationId, defaultMinutes));
    }

    record QuietConversation(UUID businessId, UUID conversationId) {
    }
}
