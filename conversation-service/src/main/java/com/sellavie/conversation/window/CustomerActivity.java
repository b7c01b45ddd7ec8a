package com.sellavie.conversation.window;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * When the customer last wrote in a conversation: the latest INBOUND message's sent_at (Meta's timestamp).
 * A public comment is not a message to the business: it opens no messaging window.
 */
@Repository
public class CustomerActivity {

    /**
     * The latest customer message's time as a scalar subquery over a row {@code s} with {@code business_id}
     * and {@code conversation_id}: for callers that read it together with other facts in one statement.
     */
    public static final String LAST_CUSTOMER_MESSAGE_AT = "SELECT max(sent_at) FROM messages "
            + "WHERE business_id = s.business_id AND conversation_id = s.conversation_id "
            + "AND direction = 'INBOUND' AND kind = 'MESSAGE'";

    private final JdbcTemplate jdbc;

    CustomerActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return null when the customer never wrote */
    public Instant lastCustomerMessageAt(UUID businessId, UUID conversationId) {
        Timestamp at = jdbc.queryForObject("SELECT (" + LAST_CUSTOMER_MESSAGE_AT + ") "
                + "FROM (VALUES (?::uuid, ?::uuid)) AS s (business_id, conversation_id)", Timestamp.class,
                businessId, conversationId);
        return at == null ? null : at.toInstant();
    }
}
