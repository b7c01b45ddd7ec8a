package com.sellavie.identity.recovery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Emailed tokens in {@code account_tokens} (global, like users): only their SHA-256 is stored. */
@Repository
class AccountTokens {

    enum Purpose { EMAIL_VERIFICATION, PASSWORD_RESET }

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(byte[] hash, UUID userId, Purpose purpose, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)
                        VALUES (:hash, :user, :purpose, :now, :expires)""")
                .param("hash", hash).param("user", userId).param("purpose", purpose.name())
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .update();
    }

    /** The token of this hash and purpose, its row locked: two uses of one link run one after the other. */
    Optional<Token> lock(byte[] hash, Purpose purpose) {
        return jdbc.sql("""
                        SELECT user_id, expires_at, used_at FROM account_tokens
                        WHERE token_hash = :hash AND purpose = :purpose FOR UPDATE""")
                .param("hash", hash).param("purpose", purpose.name())
                .query((rs, row) -> new Token(rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    /** Spends every unused token of {@code userId} for {@code purpose} (the one just used among them). */
    void spendAll(UUID userId, Purpose purpose, Instant now) {
        jdbc.sql("UPDATE account_tokens SET used_at = :now WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL")
                .param("now", Timestamp.from(now)).param("user", userId).param("purpose", purpose.name())
                .update();
    }

    record Token(UUID userId, Instant expiresAt, Instant usedAt) {

        boolean usableAt(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }
    }
}
