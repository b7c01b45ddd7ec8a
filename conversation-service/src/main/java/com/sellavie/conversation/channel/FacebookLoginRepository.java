package com.sellavie.conversation.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The facebook_logins table (row-level security: the current business's rows only). */
@Repository
class FacebookLoginRepository {

    /** A login as stored: the state's fate, and the encrypted session once the callback succeeded. */
    record StoredLogin(UUID id, String memberId, Instant stateExpiresAt, Instant stateUsedAt,
            byte[] sessionCiphertext, Instant sessionExpiresAt) {
    }

    private static final String COLUMNS = "id, member_id, state_expires_at, state_used_at, session_ciphertext, "
            + "session_expires_at";

    private final JdbcTemplate jdbc;

    FacebookLoginRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID businessId, String memberId, byte[] stateHash, Instant expiresAt, Instant at) {
        jdbc.update("INSERT INTO facebook_logins (id, business_id, member_id, state_hash, state_expires_at, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?)", id, businessId, memberId, stateHash,
                Timestamp.from(expiresAt), Timestamp.from(at));
    }

    /** Rows nobody can use any more (state and session both past), so the table does not grow. */
    void purgeExpired(UUID businessId, Instant now) {
        jdbc.update("DELETE FROM facebook_logins WHERE business_id = ? AND state_expires_at < ? "
                + "AND (session_expires_at IS NULL OR session_expires_at < ?)", businessId, Timestamp.from(now),
                Timestamp.from(now));
    }

    Optional<StoredLogin> findByStateHash(UUID businessId, byte[] stateHash) {
        return jdbc.query("SELECT " + COLUMNS + " FROM facebook_logins WHERE business_id = ? AND state_hash = ?",
                FacebookLoginRepository::login, businessId, stateHash).stream().findFirst();
    }

    Optional<StoredLogin> find(UUID businessId, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM facebook_logins WHERE business_id = ? AND id = ?",
                FacebookLoginRepository::login, businessId, id).stream().findFirst();
    }

    /** Marks the state used; false when another request used it first (single use under concurrency). */
    boolean useState(UUID businessId, UUID id, Instant at) {
        return jdbc.update("UPDATE facebook_logins SET state_used_at = ? WHERE business_id = ? AND id = ? "
                + "AND state_used_at IS NULL", Timestamp.from(at), businessId, id) == 1;
    }

    void storeSession(UUID businessId, UUID id, byte[] ciphertext, Instant expiresAt) {
        jdbc.update("UPDATE facebook_logins SET session_ciphertext = ?, session_expires_at = ? "
                + "WHERE business_id = ? AND id = ?", ciphertext, Timestamp.from(expiresAt), businessId, id);
    }

    private static StoredLogin login(ResultSet rs, int row) throws SQLException {
        return new StoredLogin(rs.getObject("id", UUID.class), rs.getString("member_id"),
                rs.getTimestamp("state_expires_at").toInstant(), instant(rs.getTimestamp("state_used_at")),
                rs.getBytes("session_ciphertext"), instant(rs.getTimestamp("session_expires_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
