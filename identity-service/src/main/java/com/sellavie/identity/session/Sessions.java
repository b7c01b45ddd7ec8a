package com.sellavie.identity.session;

import com.sellavie.platform.tenancy.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions and their refresh tokens in identity's database. Tenant-owned: every method but
 * {@link #businessOfToken} runs as the session's business.
 */
@Repository
class Sessions {

    /** Global lookup: the business a presented refresh token belongs to, before any tenant is known. */
    static final String SESSION_BY_REFRESH_TOKEN = "session-by-refresh-token";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    Sessions(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    Optional<UUID> businessOfToken(byte[] tokenHash) {
        return tenancy.globalLookup(SESSION_BY_REFRESH_TOKEN, () -> jdbc
                .sql("SELECT business_id FROM refresh_tokens WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query(UUID.class).optional());
    }

    void add(Session session) {
        jdbc.sql("""
                        INSERT INTO sessions (id, business_id, user_id, device, ip, created_at, last_used_at, expires_at,
                                              authentication_methods)
                        VALUES (:id, :business, :user, :device, :ip, :created, :created, :expires, :methods)""")
                .param("id", session.id()).param("business", session.businessId()).param("user", session.userId())
                .param("device", session.device()).param("ip", session.ip())
                .param("created", Timestamp.from(session.createdAt()))
                .param("expires", Timestamp.from(session.expiresAt()))
                .param("methods", session.methods().toArray(String[]::new))
                .update();
    }

    void addToken(byte[] tokenHash, UUID sessionId, UUID businessId, Instant at) {
        jdbc.sql("""
                        INSERT INTO refresh_tokens (token_hash, session_id, business_id, created_at)
                        VALUES (:hash, :session, :business, :at)""")
                .param("hash", tokenHash).param("session", sessionId).param("business", businessId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * The presented token with its session, both rows locked until the transaction ends: concurrent
     * refreshes of one session run one after the other, and the later one sees the earlier one's rotation.
     */
    Optional<PresentedToken> lockToken(byte[] tokenHash) {
        return jdbc.sql("""
                        SELECT t.used_at, (n.used_at IS NULL AND t.replaced_by IS NOT NULL) AS successor_unused,
                               s.id, s.business_id, s.user_id, s.device, s.ip, s.created_at, s.last_used_at,
                               s.expires_at, s.revoked_at, s.authentication_methods
                        FROM refresh_tokens t
                        JOIN sessions s ON s.id = t.session_id
                        LEFT JOIN refresh_tokens n ON n.token_hash = t.replaced_by
                        WHERE t.token_hash = :hash
                        FOR UPDATE OF t, s""")
                .param("hash", tokenHash)
                .query((rs, row) -> new PresentedToken(instant(rs, "used_at"), rs.getBoolean("successor_unused"),
                        session(rs)))
                .optional();
    }

    void spend(byte[] tokenHash, byte[] successorHash, Instant at) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = :at, replaced_by = :next WHERE token_hash = :hash")
                .param("at", Timestamp.from(at)).param("next", successorHash).param("hash", tokenHash)
                .update();
    }

    void touch(UUID sessionId, ClientInfo client, Instant at) {
        jdbc.sql("""
                        UPDATE sessions SET last_used_at = :at, device = coalesce(:device, device), ip = coalesce(:ip, ip)
                        WHERE id = :id""")
                .param("at", Timestamp.from(at)).param("device", client.device()).param("ip", client.ip())
                .param("id", sessionId)
                .update();
    }

    /** Revokes the session (if not already) and spends every unused token of it. */
    void revoke(UUID sessionId, RevocationReason reason, Instant at) {
        jdbc.sql("UPDATE sessions SET revoked_at = :at, revoked_reason = :reason WHERE id = :id AND revoked_at IS NULL")
                .param("at", Timestamp.from(at)).param("reason", reason.name()).param("id", sessionId)
                .update();
        jdbc.sql("UPDATE refresh_tokens SET used_at = :at WHERE session_id = :id AND used_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", sessionId)
                .update();
    }

    /** {@code userId}'s sessions in the current business that are neither revoked nor expired, newest use first. */
    List<Session> active(UUID userId, UUID businessId, Instant now, Duration idleTtl) {
        return jdbc.sql("""
                        SELECT id, business_id, user_id, device, ip, created_at, last_used_at, expires_at, revoked_at,
                               authentication_methods
                        FROM sessions
                        WHERE user_id = :user AND business_id = :business AND revoked_at IS NULL
                          AND expires_at > :now AND last_used_at > :idleSince
                        ORDER BY last_used_at DESC, id""")
                .param("user", userId).param("business", businessId).param("now", Timestamp.from(now))
                .param("idleSince", Timestamp.from(now.minus(idleTtl)))
                .query((rs, row) -> session(rs))
                .list();
    }

    /** {@code userId}'s session {@code id} in the current business, if it is theirs. */
    Optional<Session> ofUser(UUID id, UUID userId, UUID businessId) {
        return jdbc.sql("""
                        SELECT id, business_id, user_id, device, ip, created_at, last_used_at, expires_at, revoked_at,
                               authentication_methods
                        FROM sessions WHERE id = :id AND user_id = :user AND business_id = :business""")
                .param("id", id).param("user", userId).param("business", businessId)
                .query((rs, row) -> session(rs))
                .optional();
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("device"), rs.getString("ip"),
                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), List.of((String[]) rs.getArray("authentication_methods").getArray()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A token as presented: when it was spent (null: never), whether its successor is still unused, its session. */
    record PresentedToken(Instant usedAt, boolean successorUnused, Session session) {
    }
}
