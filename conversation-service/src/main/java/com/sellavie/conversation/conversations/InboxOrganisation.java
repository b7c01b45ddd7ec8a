package com.sellavie.conversation.conversations;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the team organises its inbox: assignment, labels, what it has read, internal notes. Each write
 * names the business (row-level security enforces it anyway) and answers whether the business has
 * the conversation, so another business's id changes nothing.
 */
@Component
class InboxOrganisation {

    private final JdbcTemplate jdbc;

    InboxOrganisation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    boolean assign(UUID businessId, UUID conversationId, UUID assigneeId) {
        return jdbc.update("UPDATE conversations SET assignee_id = ? WHERE business_id = ? AND id = ?",
                assigneeId, businessId, conversationId) == 1;
    }

    @Transactional
    boolean label(UUID businessId, UUID conversationId, List<String> labels) {
        return jdbc.update("UPDATE conversations SET labels = ? WHERE business_id = ? AND id = ?", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", labels.toArray()));
            ps.setObject(2, businessId);
            ps.setObject(3, conversationId);
        }) == 1;
    }

    @Transactional
    boolean read(UUID businessId, UUID conversationId) {
        return jdbc.update("UPDATE conversations SET unread_count = 0 WHERE business_id = ? AND id = ?",
                businessId, conversationId) == 1;
    }

    /**
     * An internal note: a message INTERNAL / MEMBER by {@code author}, never queued for sending, never
     * in the assistant's history, no event. It counts as the team's activity (quiet period, inbox order).
     *
     * @return the note's id; empty when the business has no such conversation
     */
    @Transactional
    Optional<UUID> note(UUID businessId, UUID conversationId, UUID author, String text) {
        UUID id = UuidCreator.getTimeOrderedEpoch();
        int inserted = jdbc.update("INSERT INTO messages (id, business_id, conversation_id, direction, author_type, "
                        + "author_id, text, sent_at, delivery_status, updated_at) "
                        + "SELECT ?, business_id, id, 'INTERNAL', 'MEMBER', ?, ?, now(), 'NOT_SENT', now() "
                        + "FROM conversations WHERE business_id = ? AND id = ?",
                id, author, text, businessId, conversationId);
        if (inserted == 0) {
            return Optional.empty();
        }
        jdbc.update("UPDATE conversations SET last_message_at = GREATEST(last_message_at, now()) "
                + "WHERE business_id = ? AND id = ?", businessId, conversationId);
        return Optional.of(id);
    }
}
