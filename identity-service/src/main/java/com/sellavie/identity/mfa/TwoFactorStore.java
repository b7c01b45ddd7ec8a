package com.sellavie.identity.mfa;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The user's TOTP enrolment and recovery codes. Global rows (the user's, not a business's), always
 * reached by the user id of a verified token or a password-checked log-in.
 */
@Repository
class TwoFactorStore {

    private final JdbcClient jdbc;

    TwoFactorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's enrolment, confirmed or not. */
    Optional<Enrolment> enrolment(UUID userId) {
        return jdbc.sql("SELECT secret_encrypted, confirmed_at FROM user_totp WHERE user_id = :user")
                .param("user", userId)
                .query((rs, row) -> new Enrolment(rs.getBytes("secret_encrypted"),
                        rs.getTimestamp("confirmed_at") != null))
                .optional();
    }

    boolean enabled(UUID userId) {
        return enrolment(userId).map(Enrolment::confirmed).orElse(false);
    }

    /** Starts (or restarts) an unconfirmed enrolment; a confirmed one is never overwritten. */
    boolean startEnrolment(UUID userId, byte[] secretEncrypted, Instant now) {
        return jdbc.sql("""
                        INSERT INTO user_totp (user_id, secret_encrypted, created_at) VALUES (:user, :secret, :now)
                        ON CONFLICT (user_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted,
                            created_at = EXCLUDED.created_at, last_used_step = NULL
                        WHERE user_totp.confirmed_at IS NULL""")
                .param("user", userId).param("secret", secretEncrypted).param("now", java.sql.Timestamp.from(now))
                .update() == 1;
    }

    void confirm(UUID userId, Instant now) {
        jdbc.sql("UPDATE user_totp SET confirmed_at = :now WHERE user_id = :user")
                .param("user", userId).param("now", java.sql.Timestamp.from(now)).update();
    }

    /**
     * Records {@code step} as the last accepted one, unless it (or a later one) was already accepted:
     * the atomic guard against replaying a code within its step. False when the code was used before.
     */
    boolean acceptStep(UUID userId, long step) {
        return jdbc.sql("""
                        UPDATE user_totp SET last_used_step = :step
                        WHERE user_id = :user AND (last_used_step IS NULL OR last_used_step < :step)""")
                .param("user", userId).param("step", step).update() == 1;
    }

    void replaceRecoveryCodes(UUID userId, Collection<byte[]> hashes) {
        jdbc.sql("DELETE FROM totp_recovery_codes WHERE user_id = :user").param("user", userId).update();
        for (byte[] hash : hashes) {
            jdbc.sql("INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES (:user, :hash)")
                    .param("user", userId).param("hash", hash).update();
        }
    }

    /** Spends an unused recovery code; false when it is unknown or already spent. */
    boolean spendRecoveryCode(UUID userId, byte[] hash, Instant now) {
        return jdbc.sql("""
                        UPDATE totp_recovery_codes SET used_at = :now
                        WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL""")
                .param("user", userId).param("hash", hash).param("now", java.sql.Timestamp.from(now))
                .update() == 1;
    }

    void remove(UUID userId) {
        jdbc.sql("DELETE FROM totp_recovery_codes WHERE user_id = :user").param("user", userId).update();
        jdbc.sql("DELETE FROM user_totp WHERE user_id = :user").param("user", userId).update();
    }

    Optional<String> passwordHash(UUID userId) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = :user").param("user", userId)
                .query(String.class).optional();
    }

    /** An enrolment: the encrypted secret, and whether 2FA is on. */
    record Enrolment(byte[] secretEncrypted, boolean confirmed) {
    }
}
