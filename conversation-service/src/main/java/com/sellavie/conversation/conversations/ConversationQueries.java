package com.sellavie.conversation.conversations;

import com.sellavie.conversation.conversations.ConversationViews.AnsweredByView;
import com.sellavie.conversation.conversations.ConversationViews.ChannelRef;
import com.sellavie.conversation.conversations.ConversationViews.CommentRef;
import com.sellavie.conversation.conversations.ConversationViews.ContactRef;
import com.sellavie.conversation.conversations.ConversationViews.ConversationSummary;
import com.sellavie.conversation.conversations.ConversationViews.LastMessage;
import com.sellavie.conversation.conversations.ConversationViews.MessageView;
import com.sellavie.conversation.conversations.ConversationViews.TemplateView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read queries, scoped to the business by row-level security and by an explicit filter. */
@Component
class ConversationQueries {

    /** Meta's standard messaging window after the customer's last message. */
    static final Duration MESSAGING_WINDOW = Duration.ofHours(24);

    private static final String SUMMARY = """
            SELECT c.id, c.mode, c.last_message_at, c.assignee_id, c.labels, c.unread_count,
                   COALESCE(c.last_inbound_at, (SELECT max(i.sent_at) FROM messages i WHERE i.business_id = c.business_id
                       AND i.conversation_id = c.id AND i.direction = 'INBOUND' AND i.kind = 'MESSAGE'))
                       AS last_inbound_at,
                   ch.id AS channel_id, ch.type, ch.name AS channel_name,
                   k.id AS contact_id, k.external_id, k.name AS contact_name, k.username, k.profile_picture_url,
                   m.text, m.direction, m.sent_at, m.kind
            FROM conversations c
            JOIN channels ch ON ch.id = c.channel_id
            JOIN contacts k ON k.id = c.contact_id
            LEFT JOIN LATERAL (
                SELECT text, direction, sent_at, kind FROM messages
                WHERE business_id = c.business_id AND conversation_id = c.id
                ORDER BY sent_at DESC, id DESC LIMIT 1) m ON true
            WHERE c.business_id = ?""";

    private final JdbcTemplate jdbc;

    ConversationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the inbox, newest activity first ({@code limit + 1} rows are read to know whether a
     * next page exists: the caller drops the last one).
     *
     * @param member the caller's user id, for {@link InboxFilter#MINE}
     * @param q      contact name or message text contains it (case-insensitive); null for no search
     */
    @Transactional(readOnly = true)
    List<ConversationSummary> conversations(UUID businessId, InboxFilter filter, UUID member, String label, String q,
            InboxCursor after, int limit) {
        StringBuilder sql = new StringBuilder(SUMMARY);
        List<Object> args = new ArrayList<>(List.of(businessId));
        // Test conversations ("Try your assistant") stay out of the team's inbox unless asked for.
        sql.append(filter == InboxFilter.SANDBOX ? " AND ch.type = 'SANDBOX'" : " AND ch.type <> 'SANDBOX'");
        switch (filter) {
            case MINE -> {
                sql.append(" AND c.assignee_id = ?");
                args.add(member);
            }
            case UNASSIGNED -> sql.append(" AND c.assignee_id IS NULL");
            case BOT, HUMAN, CLOSED -> {
                sql.append(" AND c.mode = ?");
                args.add(filter.name());
            }
            case ALL, SANDBOX -> {
            }
        }
        if (label != null) {
            sql.append(" AND c.labels @> ARRAY[?]::text[]");
            args.add(label);
        }
        if (q != null) {
            // ILIKE '%…%': served by the pg_trgm indexes of V5 where the extension exists.
            String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (k.name ILIKE ? OR c.id IN (SELECT s.conversation_id FROM messages s "
                    + "WHERE s.business_id = ? AND s.text ILIKE ?))");
            args.addAll(List.of(pattern, businessId, pattern));
        }
        if (after != null) {
            sql.append(" AND (c.last_message_at, c.id) < (?, ?)");
            args.add(Timestamp.from(after.lastMessageAt()));
            args.add(after.id());
        }
        sql.append(" ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?");
        args.add(limit + 1);
        return jdbc.query(sql.toString(), ConversationQueries::summary, args.toArray());
    }

    @Transactional(readOnly = true)
    Optional<ConversationSummary> conversation(UUID businessId, UUID conversationId) {
        return jdbc.query(SUMMARY + " AND c.id = ?", ConversationQueries::summary, businessId, conversationId)
                .stream().findFirst();
    }

    /** The member's own sandbox conversation (their sandbox contact on the business's sandbox channel). */
    @Transactional(readOnly = true)
    Optional<ConversationSummary> sandboxConversation(UUID businessId, String contactExternalId) {
        return jdbc.query(SUMMARY + " AND ch.type = 'SANDBOX' AND ch.external_id = ? AND k.external_id = ?",
                ConversationQueries::summary, businessId, "sandbox-" + businessId, contactExternalId)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    boolean exists(UUID businessId, UUID conversationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM conversations WHERE business_id = ? AND id = ?)", Boolean.class,
                businessId, conversationId));
    }

    @Transactional(readOnly = true)
    List<MessageView> messages(UUID businessId, UUID conversationId) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " FROM messages "
                        + "WHERE business_id = ? AND conversation_id = ? ORDER BY sent_at, id",
                ConversationQueries::message, businessId, conversationId);
    }

    @Transactional(readOnly = true)
    Optional<MessageView> message(UUID businessId, UUID messageId) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE business_id = ? AND id = ?",
                ConversationQueries::message, businessId, messageId).stream().findFirst();
    }

    private static final String MESSAGE_COLUMNS = "id, direction, author_type, author_id, text, sent_at, "
            + "delivery_status, failure_reason, attempts, resolution, image_url, template_name, template_language, "
            + "template_parameters, attachments, customer_reaction, customer_reaction_at, kind, external_message_id, "
            + "comment_post_id, comment_parent_id, private_reply_to, answered_by_provider, answered_by_model, "
            + "answered_offline";

    private static MessageView message(ResultSet rs, int row) throws SQLException {
        String direction = rs.getString("direction");
        boolean outbound = "OUTBOUND".equals(direction);
        String author = rs.getString("author_type");
        return new MessageView(rs.getObject("id", UUID.class), direction,
                // Stored as ASSISTANT since the first version; shown as the console names it.
                shownAuthorType(author), rs.getObject("author_id", UUID.class),
                rs.getString("text"), instant(rs.getTimestamp("sent_at")),
                outbound ? rs.getString("delivery_status") : null, rs.getString("failure_reason"),
                outbound ? rs.getInt("attempts") : null, rs.getString("resolution"),
                MessageContentViews.attachments(rs.getString("attachments"), rs.getString("image_url")),
                template(rs), MessageContentViews.reactions(rs.getString("customer_reaction"),
                        instant(rs.getTimestamp("customer_reaction_at"))),
                rs.getString("kind"), comment(rs), rs.getString("private_reply_to"), answeredBy(rs));
    }

    private static AnsweredByView answeredBy(ResultSet rs) throws SQLException {
        String provider = rs.getString("answered_by_provider");
        return provider == null ? null : new AnsweredByView(provider, rs.getString("answered_by_model"),
                rs.getBoolean("answered_offline"));
    }

    private static CommentRef comment(ResultSet rs) throws SQLException {
        return "COMMENT".equals(rs.getString("kind")) ? new CommentRef(rs.getString("external_message_id"),
                rs.getString("comment_post_id"), rs.getString("comment_parent_id")) : null;
    }

    private static ConversationSummary summary(ResultSet rs, int row) throws SQLException {
        Instant lastInbound = instant(rs.getTimestamp("last_inbound_at"));
        return new ConversationSummary(rs.getObject("id", UUID.class),
                new ChannelRef(rs.getObject("channel_id", UUID.class), rs.getString("type"),
                        rs.getString("channel_name")),
                new ContactRef(rs.getObject("contact_id", UUID.class), rs.getString("external_id"),
                        rs.getString("contact_name"), rs.getString("username"),
                        rs.getString("profile_picture_url")),
                rs.getString("direction") == null ? null : new LastMessage(rs.getString("text"),
                        rs.getString("direction"), instant(rs.getTimestamp("sent_at")), rs.getString("kind")),
                rs.getString("mode"), instant(rs.getTimestamp("last_message_at")),
                rs.getObject("assignee_id", UUID.class),
                Arrays.stream((Object[]) rs.getArray("labels").getArray()).map(String::valueOf).toList(),
                rs.getInt("unread_count"), lastInbound == null ? null : lastInbound.plus(MESSAGING_WINDOW),
                "SANDBOX".equals(rs.getString("type")));
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
