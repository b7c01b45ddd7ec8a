package com.sellavie.conversation.conversations;

import com.sellavie.conversation.conversations.ConversationViews.ChannelRef;
import com.sellavie.conversation.conversations.ConversationViews.ContactRef;
import com.sellavie.conversation.conversations.ConversationViews.ConversationSummary;
import com.sellavie.conversation.conversations.ConversationViews.LastMessage;
import com.sellavie.conversation.conversations.ConversationViews.MessageView;
import com.sellavie.conversation.conversations.ConversationViews.TemplateView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read queries, scoped to the business by row-level security and by an explicit filter. */
@Component
class ConversationQueries {

    private final JdbcTemplate jdbc;

    ConversationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<ConversationSummary> conversations(UUID businessId, int limit) {
        return jdbc.query("""
                SELECT c.id, c.mode, c.last_message_at, ch.id AS channel_id, ch.type, ch.name AS channel_name,
                       k.id AS contact_id, k.external_id, k.name AS contact_name, k.username,
                       k.profile_picture_url,
                       m.text, m.direction, m.sent_at
                FROM conversations c
                JOIN channels ch ON ch.id = c.channel_id
                JOIN contacts k ON k.id = c.contact_id
                LEFT JOIN LATERAL (
                    SELECT text, direction, sent_at FROM messages
                    WHERE business_id = c.business_id AND conversation_id = c.id
                    ORDER BY sent_at DESC, id DESC LIMIT 1) m ON true
                WHERE c.business_id = ?
                ORDER BY c.last_message_at DESC, c.id DESC
                LIMIT ?""",
                (rs, row) -> new ConversationSummary(rs.getObject("id", UUID.class),
                        new ChannelRef(rs.getObject("channel_id", UUID.class), rs.getString("type"),
                                rs.getString("channel_name")),
                        new ContactRef(rs.getObject("contact_id", UUID.class), rs.getString("external_id"),
                                rs.getString("contact_name"), rs.getString("username"),
                                rs.getString("profile_picture_url")),
                        rs.getString("direction") == null ? null : new LastMessage(rs.getString("text"),
                                rs.getString("direction"), instant(rs.getTimestamp("sent_at"))),
                        rs.getString("mode"), instant(rs.getTimestamp("last_message_at"))),
                businessId, limit);
    }

    @Transactional(readOnly = true)
    boolean exists(UUID businessId, UUID conversationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM conversations WHERE business_id = ? AND id = ?)", Boolean.class,
                businessId, conversationId));
    }

    @Transactional(readOnly = true)
    List<MessageView> messages(UUID businessId, UUID conversationId) {
        return jdbc.query("SELECT id, direction, author_type, author_id, text, sent_at, delivery_status, "
                        + "failure_reason, attempts, resolution, image_url, template_name, template_language, "
                        + "template_parameters, attachments, customer_reaction, customer_reaction_at FROM messages "
                        + "WHERE business_id = ? AND conversation_id = ? ORDER BY sent_at, id",
                (rs, row) -> new MessageView(rs.getObject("id", UUID.class), rs.getString("direction"),
                        shownAuthorType(rs.getString("author_type")), rs.getString("author_id"), rs.getString("text"),
                        instant(rs.getTimestamp("sent_at")), rs.getString("delivery_status"),
                        rs.getString("failure_reason"),
                        "INBOUND".equals(rs.getString("direction")) ? null : rs.getInt("attempts"),
                        rs.getString("resolution"),
                        MessageContentViews.attachments(rs.getString("attachments"), rs.getString("image_url")),
                        template(rs), MessageContentViews.reactions(rs.getString("customer_reaction"),
                                instant(rs.getTimestamp("customer_reaction_at")))),
                businessId, conversationId);
    }

    /** The assistant's messages are stored ASSISTANT (as on the wire) and shown AI. */
    private static String shownAuthorType(String stored) {
        return "ASSISTANT".equals(stored) ? "AI" : stored;
    }

    private static TemplateView template(ResultSet rs) throws SQLException {
        if (rs.getString("template_name") == null) {
            return null;
        }
        Array parameters = rs.getArray("template_parameters");
        return new TemplateView(rs.getString("template_name"), rs.getString("template_language"),
                parameters == null ? List.of() : List.of((String[]) parameters.getArray()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
