package com.sellavie.ai.reply;

import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.outbox.TraceparentSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code reply_jobs} table. Tenant-owned: every statement runs as the job's business, except
 * the lookups across businesses, which run inside named global lookups (read-only).
 *
 * <p>A conversation's jobs are answered one at a time, oldest first: only its oldest PENDING job, its
 * <em>head</em>, may be claimed. The {@code head} flag is kept up to date when a job is recorded and
 * when one finishes, both under a per-conversation advisory lock (so a job recorded while the head
 * finishes cannot be missed), which keeps {@link #due} reading heads only, however long the backlog.
 */
@Repository
class ReplyJobs {

    /** The global lookup (sellavie.tenancy.global-lookups) that finds due jobs of every business. */
    static final String DUE_LOOKUP = "reply-jobs-due";

    /** The global lookup that finds the businesses whose finished jobs are past retention. */
    static final String FINISHED_LOOKUP = "reply-jobs-finished";

    /** {@link #due}. */
    static final String DUE = "SELECT id, business_id FROM reply_jobs WHERE status = 'PENDING' AND head "
            + "AND due_at <= now() AND (lease_until IS NULL OR lease_until < now()) ORDER BY due_at, seq LIMIT ?";
    /**
     * For {@link #DUE}, whose ORDER BY the heads' index yields: a sort only ever means the planner misjudged the
     * queue (sized by defaults, V12, it was seen to sort all 3,000 due heads of a backlog rather than read the
     * first few in index order, {@code ReplyJobQueuePlansTest}). Set for the poll's own transaction only.
     */
    static final String READ_IN_INDEX_ORDER = "SET LOCAL enable_sort = off";
    /**
     * {@link #claim}: the jobs locked by their keys alone ({@code k}), then kept when the lock read them PENDING,
     * due, not leased (or the lease expired), and the oldest PENDING job of their conversation (checked here too,
     * not only trusted to the head flag; per job, through the conversation's entries of
     * {@code reply_jobs_conversation_order}).
     */
    static final String CLAIM = "UPDATE reply_jobs j SET lease_owner = gen_random_uuid(), "
            + "lease_until = now() + make_interval(secs => ?), attempts = attempts + 1 "
            + "FROM (SELECT id, business_id, conversation_id, seq, status, due_at, lease_until FROM reply_jobs "
            + "WHERE id = ANY (?::uuid[]) OFFSET 0 FOR UPDATE SKIP LOCKED) k "
            + "WHERE j.id = k.id AND k.status = 'PENDING' AND k.due_at <= now() "
            + "AND (k.lease_until IS NULL OR k.lease_until < now()) "
            + "AND k.seq = (SELECT e.seq FROM reply_jobs e WHERE e.business_id = k.business_id "
            + "AND e.conversation_id = k.conversation_id AND e.status = 'PENDING' ORDER BY e.seq LIMIT 1) "
            + "RETURNING j.id, j.business_id, j.conversation_id, j.lease_owner, j.attempts, j.created_at, "
            + "j.request_avro, j.request_schema, j.traceparent";
    /** {@link #markDoneIfStillOurs}. */
    static final String MARK_DONE = ofOurs("status = 'DONE', lease_owner = NULL, lease_until = NULL, "
            + "request_avro = NULL, request_schema = NULL, last_error = NULL, finished_at = now()");
    /** {@link #markGivenUpIfStillOurs}. */
    static final String MARK_GIVEN_UP = ofOurs("status = ?, lease_owner = NULL, lease_until = NULL, last_error = ?, "
            + "finished_at = now()");
    /** {@link #markUnreadable}. */
    static final String MARK_UNREADABLE = ofOurs("status = 'FAILED', lease_owner = NULL, lease_until = NULL, "
            + "last_error = ?, finished_at = now()");
    /** {@link #reschedule}. */
    static final String RESCHEDULE = ofOurs("lease_owner = NULL, lease_until = NULL, last_error = ?, "
            + "due_at = now() + make_interval(secs => ?)");
    /** {@link #release}. */
    static final String RELEASE = ofOurs("lease_owner = NULL, lease_until = NULL");
    /** The next PENDING job of a finished job's conversation becomes its head. */
    static final String PROMOTE_NEXT = "UPDATE reply_jobs SET head = true WHERE id = (SELECT id FROM reply_jobs "
            + "WHERE business_id = ? AND conversation_id = ? AND status = 'PENDING' ORDER BY seq LIMIT 1) AND NOT head";

    /**
     * An update of one job still PENDING and claimed by this worker ({@code set}'s parameters, then the job's id
     * and the claim's lease owner). The row is locked by its key alone and its state checked on what the lock
     * read. Named with the state beside the key, the statement let the planner reach the row through an index of
     * PENDING jobs that leads with the business (row-level security names it): sized by defaults that make the
     * PENDING jobs of one business among hundreds look like a row, a scan of the business's whole backlog looked
     * cheaper than the key (2,997 buffers with 3,000 due, {@code ReplyJobQueuePlansTest}).
     */
    private static String ofOurs(String set) {
        return "UPDATE reply_jobs j SET " + set + " FROM (SELECT id, status, lease_owner FROM reply_jobs WHERE id = ? "
                + "LIMIT 1 FOR UPDATE) k WHERE j.id = k.id AND k.status = 'PENDING' AND k.lease_owner = ?";
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TraceparentSource traceparents;
    private final ApplicationEventPublisher events;

    ReplyJobs(JdbcTemplate jdbc, TransactionTemplate transaction, TraceparentSource traceparents,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.traceparents = traceparents;
        this.events = events;
    }

    /**
     * Records the request as a PENDING job due now, the head of its conversation when no other job of
     * it is PENDING; empty when a job for it exists already. Joins the caller's transaction.
     *
     * @param lease when not null and the job is its conversation's head (so claimable at once), the job is
     *              recorded claimed for that long under a fresh token, as {@link #claim} would: the caller, who
     *              holds a free worker, hands it over once the transaction commits, and the poller never sees it
     */
    Optional<Recorded> insert(ReplyRequested request, Duration lease) {
        return transaction.execute(status -> {
            lockConversation(request.getConversationId());
            boolean claim = lease != null;
            String traceparent = traceparents.current();
            return jdbc.query("INSERT INTO reply_jobs (id, business_id, conversation_id, contact_id, request_id, "
                    + "requested_at, request_avro, request_schema, traceparent, head, lease_owner, lease_until, attempts) "
                    + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, h.head, "
                    + "CASE WHEN h.head AND ? THEN gen_random_uuid() END, "
                    + "CASE WHEN h.head AND ? THEN now() + make_interval(secs => ?) END, "
                    + "CASE WHEN h.head AND ? THEN 1 ELSE 0 END "
                    + "FROM (SELECT NOT EXISTS (SELECT 1 FROM reply_jobs WHERE business_id = ? AND conversation_id = ? "
                    + "AND status = 'PENDING') AS head) h ON CONFLICT (request_id) DO NOTHING "
                    + "RETURNING id, lease_owner, attempts, created_at",
                    (rs, i) -> {
                        UUID leaseOwner = rs.getObject(2, UUID.class);
                        ReplyJob claimed = leaseOwner == null ? null
                                : new ReplyJob(rs.getObject(1, UUID.class), request.getBusinessId(),
                                        request.getConversationId(), leaseOwner, rs.getInt(3),
                                        rs.getTimestamp(4).toInstant(), request, traceparent);
                        return new Recorded(Optional.ofNullable(claimed));
                    },
                    UUID.randomUUID(), request.getBusinessId(), request.getConversationId(), request.getContactId(),
                    request.getEventId(), Timestamp.from(request.getOccurredAt()), ReplyRequestCodec.encode(request),
                    ReplyRequestCodec.schema(), traceparent, claim, claim, claim ? lease.toMillis() / 1000.0 : 0.0,
                    claim, request.getBusinessId(), request.getConversationId()).stream().findFirst();
        });
    }

    /** A request just recorded as a job: already claimed (its worker's to start on commit), or left to the poller. */
    record Recorded(Optional<ReplyJob> claimed) {
    }

    /**
     * Up to {@code limit} heads of any business that are due and not leased, longest due first: read
     * from the heads' partial index, so its cost does not grow with the backlog behind them. Run in the
     * global lookup.
     */
    List<DueJob> due(int limit) {
        return transaction.execute(status -> {
            jdbc.execute(READ_IN_INDEX_ORDER);
            return jdbc.query(DUE, (rs, i) -> new DueJob(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                    limit);
        });
    }

    /**
     * Takes those of the jobs (all of one business) that are still claimable and that nobody else is
     * claiming this instant (SKIP LOCKED), each for {@code lease} under a fresh token, in one statement.
     * Run as the business.
     */
    List<Claim> claim(List<UUID> ids, Duration lease) {
        return jdbc.query(CLAIM, (rs, i) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getInt(5),
                        rs.getTimestamp(6).toInstant(), rs.getBytes(7), rs.getString(8), rs.getString(9)),
                lease.toMillis() / 1000.0, ids.stream().map(UUID::toString).toArray(String[]::new));
    }

    /** FAILED: the stored request cannot be read (so it cannot be answered, nor handed off with its ids). */
    void markUnreadable(Claim claim, String reason) {
        finish(claim.businessId(), claim.conversationId(),
                () -> jdbc.update(MARK_UNREADABLE, reason, claim.id(), claim.leaseOwner()));
    }

    /**
     * DONE, if the job is still PENDING and this claim's (a claim whose lease ran out may have been taken
     * over): the reply is published in the same transaction; the stored request (customer text) is not
     * needed any more.
     *
     * @return false, changing nothing, when the job is no longer ours
     */
    boolean markDoneIfStillOurs(ReplyJob job) {
        return finish(job.businessId(), job.conversationId(),
                () -> jdbc.update(MARK_DONE, job.id(), job.leaseOwner()));
    }

    /**
     * FAILED or EXPIRED, with why, if the job is still PENDING and this claim's. The request is kept for an
     * operator to look at.
     *
     * @return false, changing nothing, when the job is no longer ours
     */
    boolean markGivenUpIfStillOurs(ReplyJob job, String status, String reason) {
        return finish(job.businessId(), job.conversationId(),
                () -> jdbc.update(MARK_GIVEN_UP, status, reason, job.id(), job.leaseOwner()));
    }

    /**
     * Ends a job with {@code update} (joining the caller's transaction) and, when it did end it, makes the
     * next PENDING job of its conversation its head.
     *
     * @return whether {@code update} ended the job
     */
    private boolean finish(UUID businessId, UUID conversationId, IntSupplier update) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            lockConversation(conversationId);
            if (update.getAsInt() != 1) {
                return false;
            }
            int promoted = jdbc.update(PROMOTE_NEXT, businessId, conversationId);
            if (promoted == 1) {
                events.publishEvent(new HeadPromoted(businessId, conversationId));
            }
            return true;
        }));
    }

    /** A conversation's next job became its head when the one before it finished: claimable once committed. */
    record HeadPromoted(UUID businessId, UUID conversationId) {
    }

    /**
     * Serialises, until the transaction ends, what changes a conversation's head: recording a job and
     * finishing one. Its own statement, so the next one's snapshot sees what the previous holder committed.
     */
    private void lockConversation(UUID conversationId) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> { }, "reply_jobs:" + conversationId);
    }

    /**
     * PENDING jobs that are not heads although no older job of their conversation is PENDING: none
     * unless the head bookkeeping has a bug, looked for now and then as a safety net. Run in the
     * {@value #DUE_LOOKUP} global lookup.
     */
    List<Headless> headless(int limit) {
        return jdbc.query("SELECT j.id, j.business_id, j.conversation_id FROM reply_jobs j WHERE j.status = 'PENDING' "
                + "AND NOT j.head AND NOT EXISTS (SELECT 1 FROM reply_jobs e WHERE e.business_id = j.business_id "
                + "AND e.conversation_id = j.conversation_id AND e.status = 'PENDING' AND e.seq < j.seq) LIMIT ?",
                (rs, i) -> new Headless(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class)), limit);
    }

    /** Makes the job its conversation's head if it still should be one; true when it did. Run as its business. */
    boolean promote(Headless job) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            lockConversation(job.conversationId());
            return jdbc.update("UPDATE reply_jobs j SET head = true WHERE j.id = ? AND j.status = 'PENDING' "
                    + "AND NOT j.head AND NOT EXISTS (SELECT 1 FROM reply_jobs e WHERE e.business_id = j.business_id "
                    + "AND e.conversation_id = j.conversation_id AND e.status = 'PENDING' AND e.seq < j.seq)",
                    job.id()) == 1;
        }));
    }

    /** Back to PENDING, due after {@code delay}; false when the job is no longer ours. */
    boolean reschedule(ReplyJob job, Duration delay, String reason) {
        return jdbc.update(RESCHEDULE, reason, delay.toMillis() / 1000.0, job.id(), job.leaseOwner()) == 1;
    }

    /** Gives the claim up without waiting for its lease to run out (this instance is stopping). */
    boolean release(ReplyJob job) {
        return jdbc.update(RELEASE, job.id(), job.leaseOwner()) == 1;
    }

    /** Businesses with jobs finished before {@code cutoff}. Run in the {@value #FINISHED_LOOKUP} global lookup. */
    List<UUID> businessesWithJobsFinishedBefore(Instant cutoff, int limit) {
        return jdbc.queryForList("SELECT DISTINCT business_id FROM reply_jobs WHERE status <> 'PENDING' "
                + "AND finished_at < ? LIMIT ?", UUID.class, Timestamp.from(cutoff), limit);
    }

    /** Deletes up to {@code batch} of the business's jobs finished before {@code cutoff}. Run as the business. */
    int deleteFinishedBefore(UUID businessId, Instant cutoff, int batch) {
        return jdbc.update("DELETE FROM reply_jobs WHERE id IN (SELECT id FROM reply_jobs WHERE business_id = ? "
                + "AND status <> 'PENDING' AND finished_at < ? LIMIT ?)", businessId, Timestamp.from(cutoff), batch);
    }

    /** A job just claimed, its request still as stored. */
    record Claim(UUID id, UUID businessId, UUID conversationId, UUID leaseOwner, int attempts, Instant createdAt,
            byte[] requestAvro, String requestSchema, String traceparent) {

        ReplyJob toJob() {
            return new ReplyJob(id, businessId, conversationId, leaseOwner, attempts, createdAt,
                    ReplyRequestCodec.decode(requestAvro, requestSchema), traceparent);
        }

        @Override
        public String toString() {
            return "reply job " + id + " (business " + businessId + ", conversation " + conversationId + ")";
        }
    }

    /** A claimable job, as the global lookup sees it: enough to claim it as its business. */
    record DueJob(UUID id, UUID businessId) {
    }

    /** A PENDING job that should be its conversation's head but is not flagged so. */
    record Headless(UUID id, UUID businessId, UUID conversationId) {
    }
}
