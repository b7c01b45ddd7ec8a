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

    private final JdbcTemplate jdbc;

    CustomerActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return null when the customer never wrote */
    public Instant lastCustomerMessageAt(UUID businessId, UUID conversationId) {
        Timestamp at = jdbc.queryForObject("SELECT max(sent_at) FROM messages WHERE business_id = ? "
                        + "AND conversation_id = ? AND direction = 'INBOUND' AND kind = 'MESSAGE'", Timestamp.class,
                businessId, conversationId);
        return at == null ? null : at.toInstant();
    }
}
