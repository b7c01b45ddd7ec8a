package com.sellavie.conversation.messaging;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.platform.outbox.TraceparentSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The contacts, conversations and messages tables. Every statement names the business as well:
 * row-level security enforces the tenant anyway, the explicit filter keeps the indexes useful.
 */
@Repository
public class MessageStore {

    private static final String MESSAGE_COLUMNS = "id, business_id, conversation_id, direction, author_type, text, "
            + "external_message_id, sent_at, delivery_status, attempts";

    private final JdbcTemplate jdbc;
    private final TraceparentSource traceparents;

    MessageStore(JdbcTemplate jdbc, TraceparentSource traceparents) {
        this.jdbc = jdbc;
        this.traceparents = traceparents;
    }

    /**
     * The contact with this id on the channel, created (or its name refreshed, unless a team member set
     * it) as needed, and its conversation on the channel (created in BOT mode), whose activity time
     * moves to {@code at}: one statement, one round trip. A new contact whose channel has profiles is due
     * for its first fetch now: the profile queue finds due contacts by that time alone.
     */
    public Conversation upsertContactConversation(UUID businessId, UUID channelId, String externalId, String name,
            Instant at, boolean profileToFetch) {
        return jdbc.queryForObject("WITH contact AS ("
                        + "INSERT INTO contacts (id, business_id, channel_id, external_id, name, created_at, "
                        + "profile_due_at) VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END) "
                        + "ON CONFLICT (business_id, channel_id, external_id) "
                        + "DO UPDATE SET name = CASE WHEN contacts.name_edited THEN contacts.name "
                        + "ELSE COALESCE(EXCLUDED.name, contacts.name) END RETURNING id, external_id), "
                        + "conversation AS (INSERT INTO conversations (id, business_id, channel_id, contact_id, mode, "
                        + "last_message_at, created_at) SELECT ?, ?, ?, contact.id, 'BOT', ?, ? FROM contact "
                        + "ON CONFLICT (business_id, channel_id, contact_id) DO UPDATE "
                        + "SET last_message_at = GREATEST(conversations.last_message_at, EXCLUDED.last_message_at) "
                        + "RETURNING id, business_id, channel_id, contact_id, mode) "
                        + "SELECT conversation.id, conversation.business_id, conversation.channel_id, "
                        + "conversation.contact_id, contact.external_id, conversation.mode "
                        + "FROM conversation JOIN contact ON contact.id = conversation.contact_id",
                MessageStore::conversation, UuidCreator.getTimeOrderedEpoch(), businessId, channelId, externalId, name,
                Timestamp.from(at), profileToFetch, UuidCreator.getTimeOrderedEpoch(), businessId, channelId,
                Timestamp.from(at), Timestamp.from(Instant.now()));
    }

    public Optional<Conversation> find(UUID businessId, UUID conversationId) {
        return jdbc.query("SELECT c.id, c.business_id, c.channel_id, c.contact_id, k.external_id, c.mode "
                        + "FROM conversations c JOIN contacts k ON k.id = c.contact_id "
                        + "WHERE c.business_id = ? AND c.id = ?",
                MessageStore::conversation, businessId, conversationId).stream().findFirst();
    }

    public void touch(UUID businessId, UUID conversationId, Instant at) {
        jdbc.update("UPDATE conversations SET last_message_at = GREATEST(last_message_at, ?) "
                + "WHERE business_id = ? AND id = ?", Timestamp.from(at), businessId, conversationId);
    }

    /**
     * Records a customer's message unless one with the same Meta id is already there, and counts it
     * unread; the messaging window runs from the latest one.
     *
     * @return the new message, or empty when it was a duplicate
     */
    public Optional<Message> insertInbound(UUID businessId, UUID conversationId, String text, String attachmentsJson,
            String externalMessageId, Instant sentAt) {
        return insertCustomers("INSERT INTO messages (id, business_id, conversation_id, direction, author_type, "
                        + "text, attachments, external_message_id, sent_at, delivery_status, updated_at) "
                        + "VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', ?, ?::jsonb, ?, ?, 'RECEIVED', now()) "
                        + "ON CONFLICT (business_id, external_message_id) DO NOTHING",
                UuidCreator.getTimeOrderedEpoch(), businessId, conversationId, text,
                attachmentsJson == null ? "[]" : attachmentsJson, externalMessageId, Timestamp.from(sentAt));
    }

    /**
     * Records a customer's public comment (kind COMMENT, Meta's comment id as its external id) unless it is
     * already there, and counts it unread; the messaging window stays as it was (Meta's rule).
     *
     * @return the new message, or empty when it was a duplicate
     */
    public Optional<Message> insertComment(UUID businessId, UUID conversationId, String text, String commentId,
            String postId, String parentId, Instant sentAt) {
        return insertCustomers("INSERT INTO messages (id, business_id, conversation_id, direction, author_type, "
                        + "text, kind, comment_post_id, comment_parent_id, external_message_id, sent_at, "
                        + "delivery_status, updated_at) "
                        + "VALUES (?, ?, ?, 'INBOUND', 'CUSTOMER', ?, 'COMMENT', ?, ?, ?, ?, 'RECEIVED', now()) "
                        + "ON CONFLICT (business_id, external_message_id) DO NOTHING",
                UuidCreator.getTimeOrderedEpoch(), businessId, conversationId, text, postId, parentId, commentId,
                Timestamp.from(sentAt));
    }

    /**
     * Runs {@code insert} (a customer's message, ON CONFLICT DO NOTHING) and, when it inserted, counts the
     * message unread in its conversation, in the same statement. A message (not a comment) also moves the
     * messaging window.
     */
    private Optional<Message> insertCustomers(String insert, Object... args) {
        return jdbc.query("WITH inserted AS (" + insert + " RETURNING " + MESSAGE_COLUMNS + ", kind), "
                        + "unread AS (UPDATE conversations c SET unread_count = c.unread_count + 1, "
                        + "last_inbound_at = CASE WHEN inserted.kind = 'COMMENT' THEN c.last_inbound_at "
                        + "ELSE GREATEST(c.last_inbound_at, inserted.sent_at) END "
                        + "FROM inserted "
                        + "WHERE c.business_id = inserted.business_id AND c.id = inserted.conversation_id) "
                        + "SELECT " + MESSAGE_COLUMNS + " FROM inserted",
                MessageStore::message, args).stream().findFirst();
    }

    /** Notes which ReplyRequested a comment caused: the reply to that request is the comment's private reply. */
    public void commentAskedForReply(UUID businessId, UUID messageId, UUID replyRequestId) {
        jdbc.update("UPDATE messages SET reply_request_id = ? WHERE business_id = ? AND id = ? AND kind = 'COMMENT'",
                replyRequestId, businessId, messageId);
    }

    /** The comment whose ReplyRequested this is, if a comment caused it. */
    public Optional<CommentToAnswer> commentAnsweredBy(UUID businessId, UUID replyRequestId) {
        return jdbc.query("SELECT external_message_id, sent_at FROM messages WHERE business_id = ? "
                        + "AND reply_request_id = ? AND kind = 'COMMENT'",
                (rs, row) -> new CommentToAnswer(rs.getString(1), rs.getTimestamp(2).toInstant()),
                businessId, replyRequestId).stream().findFirst();
    }

    /**
     * Sets (or with a null emoji, removes) the customer's reaction on the message with Meta's id, unless a
     * later reaction is already there (Meta's retries and out-of-order deliveries).
     *
     * @return applied, stale (an older reaction than the one recorded) or unknown_message
     */
    public String recordCustomerReaction(UUID businessId, String externalMessageId, String emoji, Instant at) {
        int updated = jdbc.update("UPDATE messages SET customer_reaction = ?, customer_reaction_at = ?, "
                        + "updated_at = now() WHERE business_id = ? AND external_message_id = ? "
                        + "AND (customer_reaction_at IS NULL OR customer_reaction_at <= ?)",
                emoji, Timestamp.from(at), businessId, externalMessageId, Timestamp.from(at));
        if (updated > 0) {
            return "applied";
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM messages "
                + "WHERE business_id = ? AND external_message_id = ?)", Boolean.class, businessId, externalMessageId))
                ? "stale" : "unknown_message";
    }

    /**
     * Records a reply to be sent, PENDING and due at once (the send scheduler picks it up), unless the
     * event that asked for it was already turned into a message.
     */
    public Optional<Message> insertPendingOutbound(OutboundDraft draft) {
        return insertOutbound(draft, Message.PENDING, null, null);
    }

    /** Records a reply that will not be sent ({@code EXPIRED}), so the team sees it and why. */
    public Optional<Message> insertExpiredOutbound(OutboundDraft draft, String reason) {
        return insertOutbound(draft, Message.EXPIRED, reason, null);
    }

    /**
     * Records the private reply to a comment, PENDING, unless the event that asked for it was already
     * turned into a message or the comment already has its private reply (Meta accepts one per comment:
     * the unique index makes it so, whatever races).
     *
     * @return the new message, or empty ({@link #recordedFrom} tells a duplicate request apart)
     */
    public Optional<Message> insertPendingPrivateReply(OutboundDraft draft, CommentToAnswer comment) {
        return insertOutbound(draft, Message.PENDING, null, comment);
    }

    /** Whether the event was already turned into a message. */
    public boolean recordedFrom(UUID businessId, UUID sourceEventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM messages WHERE business_id = ? "
                + "AND source_event_id = ?)", Boolean.class, businessId, sourceEventId));
    }

    /** Records a reply that will not be sent ({@code FAILED} with the reason, never attempted). */
    public Optional<Message> insertFailedOutbound(OutboundDraft draft, String reason) {
        return insertOutbound(draft, Message.FAILED, reason, null);
    }

    /**
     * Inserts the message (with who wrote it, for the console's "answered by" label) and, when it was
     * inserted, moves its conversation's activity time: one statement.
     */
    private Optional<Message> insertOutbound(OutboundDraft draft, String status, String reason,
            CommentToAnswer privateReplyTo) {
        Timestamp at = Timestamp.from(draft.queuedAt());
        AnsweredBy answeredBy = draft.answeredBy();
        // No conflict target: a private reply also yields to the comment's one-reply index.
        return jdbc.query("WITH inserted AS (INSERT INTO messages (id, business_id, conversation_id, direction, "
                        + "author_type, text, source_event_id, correlation_id, sent_at, delivery_status, "
                        + "failure_reason, next_attempt_at, private_reply_to, private_reply_deadline, traceparent, "
                        + "answered_by_provider, answered_by_model, answered_offline, updated_at) "
                        + "VALUES (?, ?, ?, 'OUTBOUND', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                        + "ON CONFLICT DO NOTHING RETURNING " + MESSAGE_COLUMNS + "), "
                        + "touched AS (UPDATE conversations c SET last_message_at = GREATEST(c.last_message_at, "
                        + "inserted.sent_at) FROM inserted "
                        + "WHERE c.business_id = inserted.business_id AND c.id = inserted.conversation_id) "
                        + "SELECT " + MESSAGE_COLUMNS + " FROM inserted",
                MessageStore::message, UuidCreator.getTimeOrderedEpoch(), draft.businessId(), draft.conversationId(),
                draft.authorType(), draft.text(), draft.sourceEventId(), draft.correlationId(), at, status, reason,
                Message.PENDING.equals(status) ? at : null,
                privateReplyTo == null ? null : privateReplyTo.commentId(),
                privateReplyTo == null ? null : Timestamp.from(privateReplyTo.privateReplyDeadline()),
                Message.PENDING.equals(status) ? traceparents.current() : null,
                answeredBy == null ? null : answeredBy.provider(), answeredBy == null ? null : answeredBy.model(),
                answeredBy == null ? null : answeredBy.offline()).stream().findFirst();
    }

    public Optional<Message> findMessage(UUID businessId, UUID messageId) {
        return jdbc.query("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE business_id = ? AND id = ?",
                MessageStore::message, businessId, messageId).stream().findFirst();
    }

    /**
     * The {@code limit} messages before {@code message} in its conversation, oldest first; the team's
     * internal notes are never part of it (they are not for the assistant or the customer).
     */
    public List<Message> historyBefore(Message message, int limit) {
        List<Message> newestFirst = new ArrayList<>(jdbc.query("SELECT " + MESSAGE_COLUMNS + " FROM messages "
                        + "WHERE business_id = ? AND conversation_id = ? AND id <> ? AND (sent_at, id) < (?, ?) "
                        + "AND direction <> 'INTERNAL' "
                        + "ORDER BY sent_at DESC, id DESC LIMIT ?",
                MessageStore::message, message.businessId(), message.conversationId(), message.id(),
                Timestamp.from(message.sentAt()), message.id(), limit));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6));
    }

    private static Message message(ResultSet rs, int row) throws SQLException {
        return new Message(rs.getObject("id", UUID.class), rs.getObject("business_id", UUID.class),
                rs.getObject("conversation_id", UUID.class), rs.getString("direction"), rs.getString("author_type"),
                rs.getString("text"), rs.getString("external_message_id"), rs.getTimestamp("sent_at").toInstant(),
                rs.getString("delivery_status"), rs.getInt("attempts"));
    }
}
