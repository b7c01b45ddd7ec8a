package com.sellavie.identity.session;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends sessions for the team: every session of one member in one business (role changed, removed,
 * left), or the one a business switch leaves. Runs inside the caller's transaction as that business;
 * the caller denylists the ended sids after the commit.
 */
@Component
public class MemberSessions {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    MemberSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<UUID> endAll(UUID businessId, UUID userId) {
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<UUID> ended = jdbc.sql("""
                        UPDATE sessions SET revoked_at = :at, revoked_reason = :reason
                        WHERE business_id = :business AND user_id = :user AND revoked_at IS NULL
                        RETURNING id""")
                .param("at", now).param("reason", RevocationReason.MEMBERSHIP_ENDED.name())
                .param("business", businessId).param("user", userId)
                .query(UUID.class).list();
        if (!ended.isEmpty()) {
            jdbc.sql("UPDATE refresh_tokens SET used_at = :at WHERE session_id IN (:ids) AND used_at IS NULL")
                    .param("at", now).param("ids", ended)
                    .update();
        }
        return ended;
    }

    /** Ends {@code userId}'s live session {@code sid} (as its business); whether there was one to end. */
    public boolean endOne(UUID businessId, UUID userId, UUID sid) {
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        int ended = jdbc.sql("""
                        UPDATE sessions SET revoked_at = :at, revoked_reason = :reason
                        WHERE id = :id AND business_id = :business AND user_id = :user AND revoked_at IS NULL""")
                .param("at", now).param("reason", RevocationReason.REVOKED.name())
                .param("id", sid).param("business", businessId).param("user", userId)
                .update();
        jdbc.sql("UPDATE refresh_tokens SET used_at = :at WHERE session_id = :id AND used_at IS NULL")
                .param("at", now).param("id", sid)
                .update();
        return ended > 0;
    }
}
