package com.sellavie.conversation.outbound;

import com.sellavie.conversation.window.CustomerActivity;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the checks before a send read from the database, in one statement (one round trip instead of
 * one per check): each check keeps its query as a scalar subquery of its own ({@link
 * HandedOffReplies#WITHHOLDING_MODE}, {@link CustomerActivity#LAST_CUSTOMER_MESSAGE_AT}, {@link
 * ReplyLatency#ANSWERED_AT}) over the send's identifiers.
 */
@Component
class SendFacts {

    private static final String READ = "SELECT (" + HandedOffReplies.WITHHOLDING_MODE + "), ("
            + CustomerActivity.LAST_CUSTOMER_MESSAGE_AT + "), (" + ReplyLatency.ANSWERED_AT + ") "
            + "FROM (VALUES (?::uuid, ?::uuid, ?::uuid)) AS s (business_id, conversation_id, message_id)";

    private final JdbcTemplate jdbc;

    SendFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param withholdingMode       the conversation's mode when this assistant reply must be withheld; null when
     *                              it may go
     * @param lastCustomerMessageAt when the customer last wrote (opens the messaging window); null when never
     * @param answeredMessageAt     when the customer wrote what this assistant reply answers; null for other
     *                              messages
     */
    record Facts(String withholdingMode, Instant lastCustomerMessageAt, Instant answeredMessageAt) {
    }

    /** Run as the message's business, in the transaction that marks the attempt. */
    Facts read(ClaimedSend send) {
        return jdbc.queryForObject(READ, (rs, row) -> new Facts(rs.getString(1), instant(rs.getTimestamp(2)),
                        ReplyLatency.measured(send) ? instant(rs.getTimestamp(3)) : null),
                send.businessId(), send.conversation().id(), send.messageId());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
