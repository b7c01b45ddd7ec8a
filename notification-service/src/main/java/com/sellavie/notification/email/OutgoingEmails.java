package com.sellavie.notification.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code outgoing_emails} table: queued, claimed, sent, rescheduled or given up. */
@Repository
class OutgoingEmails {

    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() { };
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ERROR_CHARS = 500;

    /**
     * {@link #claimDue}. The due emails are an array computed first, so the update reads them by key: as
     * {@code email_id IN (SELECT …)}, a plan the server caches for any limit joined them to a scan of every email
     * ever sent (OutgoingEmailQueuePlansTest).
     */
    static final String CLAIM_DUE = """
            UPDATE outgoing_emails SET attempts = attempts + 1, next_attempt_at = now() + ? * interval '1 millisecond'
             WHERE email_id = ANY (ARRAY(SELECT email_id FROM outgoing_emails
                                          WHERE status = 'PENDING' AND next_attempt_at <= now()
                                          ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED))
            RETURNING email_id, business_id, kind, recipient, recipient_user_id, locale, variables::text AS variables,
                      link_ciphertext, attempts""";

    private final JdbcClient jdbc;

    OutgoingEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the email unless its emailId is already known; returns whether it was added. */
    boolean insertIfAbsent(EmailRequest request) {
        return jdbc.sql("""
                        INSERT INTO outgoing_emails (email_id, business_id, kind, recipient, recipient_user_id, locale,
                                                     variables, link_ciphertext)
                        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        ON CONFLICT (email_id) DO NOTHING""")
                .params(request.emailId(), request.businessId(), request.kind(), request.recipient(),
                        request.recipientUserId(), request.locale(), JSON.writeValueAsString(request.variables()),
                        request.linkCiphertext())
                .update() == 1;
    }

    /**
     * Claims up to {@code limit} due emails: counts the attempt and moves their next attempt {@code lease}
     * ahead, so another instance (or this one after a crash mid-send) picks them up only after it.
     */
    List<OutgoingEmail> claimDue(int limit, Duration lease) {
        return jdbc.sql(CLAIM_DUE)
                .params(lease.toMillis(), limit)
                .query(OutgoingEmails::outgoing)
                .list();
    }

    void markSent(UUID emailId) {
        jdbc.sql("UPDATE outgoing_emails SET status = 'SENT', sent_at = now(), last_error = NULL WHERE email_id = ?")
                .param(emailId).update();
    }

    void retryLater(UUID emailId, Duration delay, String error) {
        jdbc.sql("""
                        UPDATE outgoing_emails SET next_attempt_at = now() + ? * interval '1 millisecond', last_error = ?
                        WHERE email_id = ?""")
                .params(delay.toMillis(), cut(error), emailId).update();
    }

    void markFailed(UUID emailId, String error) {
        jdbc.sql("UPDATE outgoing_emails SET status = 'FAILED', last_error = ? WHERE email_id = ?")
                .params(cut(error), emailId).update();
    }

    private static String cut(String error) {
        return error == null || error.length() <= MAX_ERROR_CHARS ? error : error.substring(0, MAX_ERROR_CHARS);
    }

    private static OutgoingEmail outgoing(ResultSet row, int rowNum) throws SQLException {
        return new OutgoingEmail(row.getObject("email_id", UUID.class), row.getObject("business_id", UUID.class),
                row.getString("kind"), row.getString("recipient"), row.getObject("recipient_user_id", UUID.class),
                row.getString("locale"),
                JSON.readValue(row.getString("variables"), VARIABLES), row.getString("link_ciphertext"),
                row.getInt("attempts"));
    }
}
