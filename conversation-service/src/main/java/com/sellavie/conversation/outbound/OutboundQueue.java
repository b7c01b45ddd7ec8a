package com.sellavie.conversation.outbound;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.platform.outbox.TraceparentSource;
import com.sellavie.platform.tenancy.Tenancy;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound messages as a due-time queue: which are due, claiming one under a lease, and moving it
 * through ATTEMPTING to its outcome. Times are the database's ({@code now()}), so instances with
 * skewed clocks agree on who holds a lease. Cross-tenant reads go through the named global lookup
 * {@value #LOOKUP} (ids only, read-only); every write runs as the message's business. A final
 * message keeps {@code lease_owner}: the instance that made its last attempt.
 */
@Repository
class OutboundQueue {

    static final String LOOKUP = "outbound-send-queue";
    /**
     * The message is its conversation's head: the oldest open (not final) outbound message goes first, and
     * the message itself is open, so it is the head when it does not come after the first open one. Written so
     * the planner runs it per candidate, in the candidates' order, reading a few entries of
     * {@code messages_open_outbound_idx} each: as {@code NOT EXISTS} it became an anti-join, which with
     * statistics older than a burst scanned the business's every open message per candidate; as
     * {@code m.id = (…)} the planner took one candidate in thousands to pass and read the whole backlog to sort
     * it ({@code DueSendsTest} has both). The conversation alone names it (its id is unique across businesses):
     * with {@code o.business_id = m.business_id} beside it, the planner was seen to AND the conversation's open
     * entries with the business's every entry in {@code messages_source_event_key} and sort them.
     */
    private static final String HEAD_OF_CONVERSATION = "(m.sent_at, m.id) <= (SELECT o.sent_at, o.id FROM messages o "
            + "WHERE o.conversation_id = m.conversation_id AND o.delivery_status IN ('PENDING', 'ATTEMPTING') "
            + "ORDER BY o.sent_at, o.id LIMIT 1)";
    private static final String DUE_NOW = "m.delivery_status = 'PENDING' AND m.next_attempt_at <= now()";
    /**
     * The skip-scan orders by {@code messages_due_by_business_idx}'s both columns: ordered by the business
     * alone, it could be served by any index that leads with the business, and the planner was seen to walk
     * {@code messages_external_id_key} (every message, by business) for the first PENDING one.
     */
    static final String DUE = "WITH RECURSIVE due_businesses (business_id) AS ("
            + "(SELECT m.business_id FROM messages m WHERE " + DUE_NOW
            + " ORDER BY m.business_id, m.next_attempt_at LIMIT 1) "
            + "UNION ALL SELECT (SELECT m.business_id FROM messages m WHERE " + DUE_NOW
            + " AND m.business_id > b.business_id ORDER BY m.business_id, m.next_attempt_at LIMIT 1) "
            + "FROM due_businesses b WHERE b.business_id IS NOT NULL) "
            + "SELECT d.business_id, d.id FROM due_businesses b CROSS JOIN LATERAL ("
            + "SELECT m.business_id, m.id, m.next_attempt_at FROM messages m WHERE m.business_id = b.business_id AND "
            + DUE_NOW + " AND (m.lease_until IS NULL OR m.lease_until < now()) AND " + HEAD_OF_CONVERSATION
            + " ORDER BY m.next_attempt_at LIMIT ?) d ORDER BY d.next_attempt_at LIMIT ?";
    /**
     * For {@link #DUE}, whose every ORDER BY but the last has an index that yields it: a sort there only ever
     * means the planner misjudged the queue. It sizes the queue by defaults (V17), so a business's backlog
     * looks a few rows long, and it was seen to sort all 3,000 of one instead of reading the first two in
     * index order ({@code DueSendsTest}). Set for the poll's own transaction only.
     */
    static final String READ_IN_INDEX_ORDER = "SET LOCAL enable_sort = off";
    private static final String CLAIMED_COLUMNS = "text, source_event_id, correlation_id, attempts, author_type, "
            + "image_url, template_name, template_language, template_parameters, private_reply_to, "
            + "private_reply_deadline, traceparent";
    /** {@link #claim}: the poller's, for each message {@link #due} handed out. */
    static final String CLAIM = byKey("lease_owner = ?, lease_until = now() + ? * interval '1 millisecond'",
            "FOR UPDATE SKIP LOCKED", "k.delivery_status = 'PENDING' AND k.next_attempt_at <= now() "
                    + "AND (k.lease_until IS NULL OR k.lease_until < now()) AND " + HEAD_OF_CONVERSATION,
            "m.conversation_id");
    /** {@link #claimRecorded}: run for every message recorded while a worker is free. */
    static final String CLAIM_RECORDED = byKey("lease_owner = ?, lease_until = now() + ? * interval '1 millisecond'",
            "FOR UPDATE", "k.delivery_status = 'PENDING' AND k.lease_owner IS NULL AND " + HEAD_OF_CONVERSATION,
            CLAIMED_COLUMNS);
    /** {@link #markAttempting}. */
    static final String MARK_ATTEMPTING = byKey("delivery_status = 'ATTEMPTING', attempts = attempts + 1, "
            + "first_attempt_at = COALESCE(first_attempt_at, now()), last_attempt_at = now(), "
            + "lease_until = now() + ? * interval '1 millisecond', updated_at = now()", "FOR UPDATE",
            "k.delivery_status = 'PENDING' AND k.lease_owner = ?", "attempts, first_attempt_at");
    /** {@link #release}. */
    static final String RELEASE = byKey("lease_owner = NULL, lease_until = NULL, updated_at = now()", "FOR UPDATE",
            "k.delivery_status = 'PENDING' AND k.lease_owner = ?", null);
    /** {@link #reschedule}. */
    static final String RESCHEDULE = byKey("delivery_status = 'PENDING', "
            + "next_attempt_at = now() + ? * interval '1 millisecond', lease_owner = NULL, lease_until = NULL, "
            + "failure_reason = ?, failure_code = ?, updated_at = now()", "FOR UPDATE",
            "k.delivery_status = 'ATTEMPTING' AND k.lease_owner = ?", null);
    /** {@link #markUnknown}. */
    static final String MARK_UNKNOWN = byKey("delivery_status = 'UNKNOWN', failure_reason = ?, lease_until = NULL, "
            + "updated_at = now()", "FOR UPDATE", "k.delivery_status = 'ATTEMPTING'", null);
    /** {@link #markInterrupted}. */
    static final String MARK_INTERRUPTED = byKey("delivery_status = 'UNKNOWN', failure_reason = CASE WHEN "
            + "k.delivery_status = 'ATTEMPTING' THEN 'INTERRUPTED_DURING_SEND' ELSE 'INTERRUPTED_BY_RESTART' END, "
            + "lease_until = NULL, updated_at = now()", "FOR UPDATE",
            "((k.delivery_status = 'ATTEMPTING' AND k.lease_until < now()) "
                    + "OR (k.delivery_status = 'PENDING' AND k.next_attempt_at IS NULL))", "m.failure_reason");

    /**
     * An update of one message, named by its business and id ({@code ?, ?} after {@code set}'s parameters), when
     * its delivery state allows it. The row is locked by its key alone ({@code k}, {@code lock}) and the state is
     * checked on what the lock read, the latest committed version. Named with the state beside the key, the
     * statement let the planner reach the row through a queue index whose predicate the state implies: sized
     * from statistics (or defaults, V17) that say the queue is nearly empty, a scan of the whole due index looked
     * as cheap as the key, and a generic plan (PostgreSQL's for a statement the driver prepared, once it does not
     * look costlier) took it, reading the business's whole backlog for one message (3,019 buffers with 3,000 due,
     * {@code DueSendsTest}).
     */
    private static String byKey(String set, String lock, String condition, String returning) {
        return "UPDATE messages m SET " + set + " FROM (SELECT id, delivery_status, lease_owner, lease_until, "
                + "next_attempt_at FROM messages WHERE business_id = ? AND id = ? LIMIT 1 " + lock + ") k "
                + "WHERE m.id = k.id AND " + condition + (returning == null ? "" : " RETURNING " + returning);
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Tenancy tenancy;
    private final TraceparentSource traceparents;

    OutboundQueue(JdbcTemplate jdbc, TransactionTemplate transaction, Tenancy tenancy,
            TraceparentSource traceparents) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.tenancy = tenancy;
        this.traceparents = traceparents;
    }

    /**
     * Due PENDING messages, unleased (or lease expired), each the oldest open one of its conversation;
     * soonest due first, at most {@code perBusiness} per business so a tenant with a long backlog cannot
     * crowd the others out of the batch. The businesses with due messages are found by skipping through
     * {@code messages_due_by_business_idx} one business at a time, and each is asked for its first
     * {@code perBusiness}: a business's backlog beyond them is not read.
     */
    List<QueuedMessage> due(int limit, int perBusiness) {
        return tenancy.globalLookup(LOOKUP, () -> transaction.execute(status -> {
            jdbc.execute(READ_IN_INDEX_ORDER);
            return jdbc.query(DUE, (rs, row) -> new QueuedMessage(rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class)), perBusiness, limit);
        }));
    }

    /** How many PENDING messages are due now (the backlog gauge). */
    long dueCount() {
        return tenancy.globalLookup(LOOKUP, () -> jdbc.queryForObject("SELECT count(*) FROM messages "
                + "WHERE delivery_status = 'PENDING' AND next_attempt_at <= now()", Long.class));
    }

    /**
     * ATTEMPTING messages whose lease ran out (their sender died mid-call), and PENDING rows left by the
     * version before the queue (no due time): both may have reached the customer.
     */
    List<QueuedMessage> interrupted(int limit) {
        return tenancy.globalLookup(LOOKUP, () -> jdbc.query("(SELECT business_id, id FROM messages "
                        + "WHERE delivery_status = 'ATTEMPTING' AND lease_until < now() LIMIT ?) UNION ALL "
                        + "(SELECT business_id, id FROM messages WHERE delivery_status = 'PENDING' "
                        + "AND next_attempt_at IS NULL LIMIT ?)",
                (rs, row) -> new QueuedMessage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), limit, limit));
    }

    // --- as the message's business, in the caller's transaction ---

    /**
     * Claims the message for {@code owner} unless it is no longer due, another instance holds it (its
     * row locked: skipped, not waited for), or an older message of its conversation is still open.
     *
     * @return the conversation id, when claimed
     */
    Optional<UUID> claim(UUID businessId, UUID messageId, String owner, Duration lease) {
        return jdbc.query(CLAIM, (rs, row) -> rs.getObject(1, UUID.class), owner, lease.toMillis(), businessId,
                messageId).stream().findFirst();
    }

    Optional<Claimed> claimed(UUID businessId, UUID messageId) {
        return jdbc.query("SELECT " + CLAIMED_COLUMNS + " FROM messages WHERE business_id = ? AND id = ?",
                OutboundQueue::claimed, businessId, messageId).stream().findFirst();
    }

    /**
     * Claims a message recorded PENDING in the caller's (still open) transaction for {@code owner}, when
     * it is its conversation's head (no older message of it PENDING or ATTEMPTING): what the poller's
     * due query, claim and read would do, in one statement. Not compared with {@code now()}, which is the
     * transaction's start: the message was recorded due now.
     *
     * @return what its send needs, or empty when an older message goes first (or it is not PENDING)
     */
    Optional<Claimed> claimRecorded(UUID businessId, UUID messageId, String owner, Duration lease) {
        return jdbc.query(CLAIM_RECORDED, OutboundQueue::claimed, owner, lease.toMillis(), businessId, messageId)
                .stream().findFirst();
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(rs.getString("text"), rs.getObject("source_event_id", UUID.class),
                rs.getString("correlation_id"), rs.getInt("attempts"), rs.getString("author_type"),
                rs.getString("image_url"), template(rs), privateReply(rs), rs.getString("traceparent"));
    }

    private static PrivateReply privateReply(ResultSet rs) throws SQLException {
        String commentId = rs.getString("private_reply_to");
        return commentId == null ? null
                : new PrivateReply(commentId, rs.getTimestamp("private_reply_deadline").toInstant());
    }

    private static TemplateMessage template(ResultSet rs) throws SQLException {
        String name = rs.getString("template_name");
        if (name == null) {
            return null;
        }
        Array parameters = rs.getArray("template_parameters");
        return new TemplateMessage(name, rs.getString("template_language"),
                parameters == null ? List.of() : List.of((String[]) parameters.getArray()));
    }

    /**
     * PENDING and still ours becomes ATTEMPTING, its lease renewed to cover the call.
     *
     * @return the attempt number and when the first attempt of this try was, or empty if the claim was lost
     */
    Optional<Attempt> markAttempting(UUID businessId, UUID messageId, String owner, Duration lease) {
        return jdbc.query(MARK_ATTEMPTING, (rs, row) -> new Attempt(rs.getInt(1), rs.getTimestamp(2).toInstant()),
                lease.toMillis(), businessId, messageId, owner).stream().findFirst();
    }

    /** Gives a claimed, not yet attempted message back (a stopping instance): due again at once, for anyone. */
    int release(UUID businessId, UUID messageId, String owner) {
        return jdbc.update(RELEASE, businessId, messageId, owner);
    }

    /** A refused attempt that may succeed later: PENDING again, due at {@code nextAttempt}, lease given up. */
    int reschedule(UUID businessId, UUID messageId, String owner, Duration backoff, String reason, String code) {
        return jdbc.update(RESCHEDULE, backoff.toMillis(), reason, code, businessId, messageId, owner);
    }

    /** Meta accepted: SENT with its id. Also over UNKNOWN (a sweep that thought the sender dead): Meta's answer is the truth. */
    int markSent(UUID businessId, UUID messageId, String externalMessageId) {
        return jdbc.update("UPDATE messages SET delivery_status = 'SENT', external_message_id = ?, "
                        + "lease_until = NULL, failure_reason = NULL, failure_code = NULL, updated_at = now() "
                        + "WHERE business_id = ? AND id = ? AND delivery_status IN ('ATTEMPTING', 'UNKNOWN')",
                externalMessageId, businessId, messageId);
    }

    /** Refused for good (or the horizon passed): nothing reached the customer. */
    int markFailed(UUID businessId, UUID messageId, String reason, String code) {
        return jdbc.update("UPDATE messages SET delivery_status = 'FAILED', failure_reason = ?, failure_code = ?, "
                        + "lease_until = NULL, updated_at = now() "
                        + "WHERE business_id = ? AND id = ? AND delivery_status IN ('PENDING', 'ATTEMPTING', 'UNKNOWN')",
                reason, code, businessId, messageId);
    }

    /** No answer from Meta: maybe sent. Shown, never re-sent automatically. */
    int markUnknown(UUID businessId, UUID messageId, String reason) {
        return jdbc.update(MARK_UNKNOWN, reason, businessId, messageId);
    }

    /** An interrupted send (see {@link #interrupted}) becomes UNKNOWN, if it still is one. */
    Optional<String> markInterrupted(UUID businessId, UUID messageId) {
        return jdbc.query(MARK_INTERRUPTED, (rs, row) -> rs.getString(1), businessId, messageId).stream().findFirst();
    }

    // --- a team member's decision on an UNKNOWN message ---

    /** The outbound message's delivery status, if this business has it in this conversation. */
    Optional<String> outboundStatus(UUID businessId, UUID conversationId, UUID messageId) {
        return jdbc.query("SELECT delivery_status FROM messages WHERE business_id = ? AND conversation_id = ? "
                        + "AND id = ? AND direction = 'OUTBOUND'",
                (rs, row) -> rs.getString(1), businessId, conversationId, messageId).stream().findFirst();
    }

    /** UNKNOWN becomes PENDING, due now; attempts are kept, the retry horizon starts again. */
    int resend(UUID businessId, UUID conversationId, UUID messageId, String by) {
        return jdbc.update("UPDATE messages SET delivery_status = 'PENDING', next_attempt_at = now(), "
                        + "first_attempt_at = NULL, lease_owner = NULL, lease_until = NULL, failure_reason = NULL, "
                        + "failure_code = NULL, resolution = 'RESENT', resolved_by = ?, resolved_at = now(), "
                        + "updated_at = now() WHERE business_id = ? AND conversation_id = ? AND id = ? "
                        + "AND direction = 'OUTBOUND' AND delivery_status = 'UNKNOWN'",
                by, businessId, conversationId, messageId);
    }

    /** UNKNOWN becomes SENT on a team member's word (they saw it on Instagram); Meta is not called. */
    int markDelivered(UUID businessId, UUID conversationId, UUID messageId, String by) {
        return jdbc.update("UPDATE messages SET delivery_status = 'SENT', failure_reason = NULL, failure_code = NULL, "
                        + "resolution = 'MARKED_DELIVERED', resolved_by = ?, resolved_at = now(), updated_at = now() "
                        + "WHERE business_id = ? AND conversation_id = ? AND id = ? AND direction = 'OUTBOUND' "
                        + "AND delivery_status = 'UNKNOWN'",
                by, businessId, conversationId, messageId);
    }

    // --- a team member's reply, queued like any other outbound message ---

    /**
     * Queues a MEMBER message PENDING and due now, unless one with this source id (the reply's
     * request, see {@link TeamReplyQueue}) is already there.
     *
     * @return the new message's id, or empty for a repeat
     */
    Optional<UUID> insertMemberMessage(UUID businessId, UUID conversationId, String memberId, String text,
            String imageUrl, TemplateMessage template, UUID sourceId, String correlationId, Instant queuedAt) {
        UUID id = UuidCreator.getTimeOrderedEpoch();
        Timestamp at = Timestamp.from(queuedAt);
        String traceparent = traceparents.current();
        int inserted = jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (id, business_id, "
                    + "conversation_id, direction, author_type, author_id, text, image_url, template_name, "
                    + "template_language, template_parameters, source_event_id, correlation_id, sent_at, "
                    + "delivery_status, next_attempt_at, traceparent, updated_at) VALUES (?, ?, ?, 'OUTBOUND', "
                    + "'MEMBER', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, now()) "
                    + "ON CONFLICT (business_id, source_event_id) DO NOTHING");
            insert.setObject(1, id);
            insert.setObject(2, businessId);
            insert.setObject(3, conversationId);
            insert.setObject(4, UUID.fromString(memberId));
            insert.setString(5, text);
            insert.setString(6, imageUrl);
            insert.setString(7, template == null ? null : template.name());
            insert.setString(8, template == null ? null : template.language());
            insert.setArray(9, template == null ? null
                    : connection.createArrayOf("text", template.parameters().toArray(String[]::new)));
            insert.setObject(10, sourceId);
            insert.setString(11, correlationId);
            insert.setTimestamp(12, at);
            insert.setTimestamp(13, at);
            insert.setString(14, traceparent);
            return insert;
        });
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** The outbound message queued for this source id (the event or request that asked for it), if any. */
    Optional<UUID> bySourceId(UUID businessId, UUID sourceId) {
        return jdbc.query("SELECT id FROM messages WHERE business_id = ? AND source_event_id = ?",
                (rs, row) -> rs.getObject(1, UUID.class), businessId, sourceId).stream().findFirst();
    }

    record QueuedMessage(UUID businessId, UUID messageId) {
    }

    /**
     * @param privateReply the comment it privately answers; null for a direct message
     * @param traceparent  the trace that queued it (the send continues it); null when none
     */
    record Claimed(String text, UUID sourceEventId, String correlationId, int attempts, String authorType,
            String imageUrl, TemplateMessage template, PrivateReply privateReply, String traceparent) {
    }

    record Attempt(int number, Instant firstAttemptAt) {
    }
}
