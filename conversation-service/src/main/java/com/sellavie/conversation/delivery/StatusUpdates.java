package com.sellavie.conversation.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The forward-only status updates of outbound messages. Each statement moves a message only to a later
 * state, so any order of arrival ends in the same place.
 */
@Repository
class StatusUpdates {

    static final List<String> TRACKED = List.of("SENT", "DELIVERED", "READ", "FAILED");

    /** SENT, DELIVERED and READ move a message that Meta has (or may have) and not yet a later state. */
    private static final String FORWARD = "delivery_status IN ('PENDING', 'ATTEMPTING', 'UNKNOWN', 'SENT', "
            + "'DELIVERED') AND (CASE delivery_status WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 ELSE 0 END) < ?";
    /** FAILED replaces anything but READ (the customer saw it) and a send that never happened. */
    private static final String FAILABLE = "delivery_status NOT IN ('READ', 'EXPIRED', 'FAILED')";

    private final JdbcTemplate jdbc;

    StatusUpdates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int applyToMessage(UUID businessId, String externalMessageId, String status, String errorCode,
            String errorTitle) {
        if ("FAILED".equals(status)) {
            return jdbc.update("UPDATE messages SET delivery_status = 'FAILED', failure_code = ?, "
                            + "failure_reason = ?, updated_at = now() WHERE business_id = ? AND external_message_id = ? "
                            + "AND direction = 'OUTBOUND' AND " + FAILABLE,
                    errorCode, errorTitle == null ? "META_FAILED" : errorTitle, businessId, externalMessageId);
        }
        return jdbc.update("UPDATE messages SET delivery_status = ?, updated_at = now() "
                        + "WHERE business_id = ? AND external_message_id = ? AND direction = 'OUTBOUND' AND " + FORWARD,
                status, businessId, externalMessageId, rank(status));
    }

    /**
     * Every outbound message of the customer's conversation on that channel that went to Meta at or before
     * the watermark (its last Send API attempt, else when it was queued).
     */
    int applyUpTo(UUID businessId, String channelType, String channelExternalId, String customerExternalId,
            String status, Instant watermark) {
        if ("FAILED".equals(status)) {
            return 0;
        }
        return jdbc.update("UPDATE messages m SET delivery_status = ?, updated_at = now() "
                        + "FROM conversations c JOIN channels ch ON ch.id = c.channel_id "
                        + "JOIN contacts k ON k.id = c.contact_id "
                        + "WHERE m.conversation_id = c.id AND m.business_id = ? AND c.business_id = ? "
                        + "AND ch.type = ? AND ch.external_id = ? AND k.external_id = ? "
                        + "AND m.direction = 'OUTBOUND' AND m.external_message_id IS NOT NULL "
                        + "AND COALESCE(m.last_attempt_at, m.sent_at) <= ? AND m." + FORWARD.replace(
                                "(CASE delivery_status", "(CASE m.delivery_status"),
                status, businessId, businessId, channelType, channelExternalId, customerExternalId,
                Timestamp.from(watermark), rank(status));
    }

    boolean knows(UUID businessId, String externalMessageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM messages WHERE business_id = ? "
                + "AND external_message_id = ? AND direction = 'OUTBOUND')", Boolean.class, businessId,
                externalMessageId));
    }

    private static int rank(String status) {
        return switch (status) {
            case "SENT" -> 1;
            case "DELIVERED" -> 2;
            case "READ" -> 3;
            default -> 0;
        };
    }
}
