package com.sellavie.identity.session;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Records security-relevant facts of sessions ({@code security_events}); runs as the event's business.
 * The activity log ({@code GET /api/activity}) shows them as its SECURITY category.
 */
@Repository
class SecurityEvents {

    /** A spent refresh token came back: the session was revoked. */
    static final String REFRESH_TOKEN_REUSE = "REFRESH_TOKEN_REUSE";
    /** A session began: a log-in (password, second factor), a sign-up, an accepted invitation or a switch. */
    static final String SIGNED_IN = "SIGNED_IN";
    /** The member logged out of a session. */
    static final String LOGGED_OUT = "LOGGED_OUT";
    /** The member ended one of their sessions from the session list. */
    static final String SESSION_REVOKED = "SESSION_REVOKED";

    /** The account's password was reset through an emailed link: its sessions ended. */
    static final String PASSWORD_RESET = "PASSWORD_RESET";

    private final JdbcClient jdbc;

    SecurityEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String kind, Session session, ClientInfo client, Instant at) {
        record(kind, session.businessId(), session.userId(), session.id(), client, at);
    }

    void record(String kind, UUID businessId, UUID userId, UUID sessionId, ClientInfo client, Instant at) {
        jdbc.sql("""
                        INSERT INTO security_events (id, business_id, user_id, session_id, kind, ip, device, occurred_at)
                        VALUES (:id, :business, :user, :session, :kind, :ip, :device, :at)""")
                .param("id", UuidCreator.getTimeOrderedEpoch()).param("business", businessId)
                .param("user", userId).param("session", sessionId).param("kind", kind)
                .param("ip", client.ip()).param("device", client.device()).param("at", java.sql.Timestamp.from(at))
                .update();
    }
}
