package com.sellavie.identity.session;

import com.sellavie.platform.tenancy.Tenancy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends every session of one account in every business it belongs to (after a password reset), records
 * the security event in each, and denylists the account's access tokens there, so whoever held a
 * session with the old password is out within seconds.
 */
@Component
public class AccountSessions {

    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    private final JdbcClient jdbc;
    private final SecurityEvents events;
    private final RevocationList revocations;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    AccountSessions(JdbcClient jdbc, SecurityEvents events, RevocationList revocations, Tenancy tenancy,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.revocations = revocations;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    /** Ends {@code userId}'s sessions in each of {@code businessIds}; {@code client} made the reset. */
    public void endAfterPasswordReset(UUID userId, List<UUID> businessIds, ClientInfo client) {
        for (UUID businessId : businessIds) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<UUID> ended = tenancy.callAs(businessId, () -> transactions.execute(status -> {
                List<UUID> sids = jdbc.sql("""
                                UPDATE sessions SET revoked_at = :at, revoked_reason = :reason
                                WHERE business_id = :business AND user_id = :user AND revoked_at IS NULL
                                RETURNING id""")
                        .param("at", Timestamp.from(now)).param("reason", RevocationReason.PASSWORD_RESET.name())
                        .param("business", businessId).param("user", userId)
                        .query(UUID.class).list();
                if (!sids.isEmpty()) {
                    jdbc.sql("UPDATE refresh_tokens SET used_at = :at WHERE session_id IN (:ids) AND used_at IS NULL")
                            .param("at", Timestamp.from(now)).param("ids", sids)
                            .update();
                }
                events.record(SecurityEvents.PASSWORD_RESET, businessId, userId, null, client, now);
                return sids;
            }));
            revocations.revokeMember(businessId, userId);
            ended.forEach(revocations::revokeSession);
            log.info("Password reset of user {}: {} session(s) ended in business {}", userId, ended.size(), businessId);
        }
    }
}
