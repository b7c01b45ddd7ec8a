package com.sellavie.conversation.attention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the attention list, scoped by row-level security and an explicit business filter. */
@Component
class AttentionQueries {

    private final JdbcTemplate jdbc;

    AttentionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<AttentionMessage> messages(UUID businessId, Set<AttentionStatus> statuses, int limit) {
        String[] names = statuses.stream().map(Enum::name).toArray(String[]::new);
        return jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT m.id, m.conversation_id, m.author_type, m.text, m.delivery_status, m.failure_reason, m.sent_at, m.updated_at,
                           k.id AS contact_id, k.external_id, k.name AS contact_name
                    FROM messages m
                    JOIN conversations c ON c.id = m.conversation_id
                    JOIN contacts k ON k.id = c.contact_id
                    WHERE m.business_id = ? AND m.direction = 'OUTBOUND' AND m.delivery_status = ANY (?)
                      -- An assistant reply withheld because a person had taken over needs nobody.
                      AND m.failure_reason IS DISTINCT FROM 'HANDED_OFF'
                    ORDER BY m.updated_at DESC, m.id DESC
                    LIMIT ?""");
            statement.setObject(1, businessId);
            statement.setArray(2, connection.createArrayOf("text", names));
            statement.setInt(3, limit);
            return statement;
        }, (rs, row) -> new AttentionMessage(rs.getObject("id", UUID.class), rs.getObject("conversation_id", UUID.class),
                new AttentionMessage.Contact(rs.getObject("contact_id", UUID.class), rs.getString("external_id"),
                        rs.getString("contact_name")),
                rs.getString("author_type"), rs.getString("text"), rs.getString("delivery_status"), rs.getString("failure_reason"),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("updated_at"))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
