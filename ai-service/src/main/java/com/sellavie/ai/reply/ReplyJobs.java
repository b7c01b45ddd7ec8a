package com.sellavie.ai.reply;

import com.sellavie.events.conversation.ReplyRequested;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code reply_jobs} table. Tenant-owned: every statement runs as the job's business, except
 * the two lookups across businesses, which run inside named global lookups (read-only).
 */
@Repository
class ReplyJobs {

    /** The global lookup (sellavie.tenancy.global-lookups) that finds due jobs of every business. */
    static final String DUE_LOOKUP = "reply-jobs-due";

    /** Claimable: PENDING, due, not leased (or its lease expired), and the oldest PENDING of its conversation. */
    /** The global lookup that finds the businesses whose finished jobs are past retention. */
    static final String FINISHED_LOOKUP = "reply-jobs-finished";

    private static final String CLAIMABLE = "j.status = 'PENDING' AND j.due_at <= now() "
            + "AND (j.lease_until IS NULL OR j.lease_until < now()) "
            + "AND NOT EXISTS (SELECT 1 FROM reply_jobs e WHERE e.business_id = j.business_id "
            + "AND e.conversation_id = j.conversation_id AND e.status = 'PENDING' AND e.seq < j.seq)";

    private final JdbcTemplate jdbc;

    ReplyJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the request as a PENDING job due now; false when a job for it exists already. */
    boolean insert(ReplyRequested request) {
        return jdbc.update("INSERT INTO reply_jobs (id, business_id, conversation_id, contact_id, request_id, "
                + "requested_at, request_avro, request_schema) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (request_id) DO NOTHING",
                UUID.randomUUID(), request.getBusinessId(), request.getConversationId(), request.getContactId(),
                request.getEventId(),
                Timestamp.from(request.getOccurredAt()), ReplyRequestCodec.encode(request),
                ReplyRequestCodec.schema()) == 1;
    }

    /** Up to {@code limit} claimable jobs of any business, longest due first. Run in the global lookup. */
    List<DueJob> due(int limit) {
        return jdbc.query("SELECT j.id, j.business_id FROM reply_jobs j WHERE " + CLAIMABLE
                + " ORDER BY j.due_at, j.seq LIMIT ?",
                (rs, i) -> new DueJob(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), limit);
    }

    /**
     * Takes the job for {@code lease} under a fresh token, if it is still claimable and nobody else is
     * claiming it this instant (SKIP LOCKED). Run as the job's business.
     */
    Optional<Claim> claim(UUID id, Duration lease) {
        UUID owner = UUID.randomUUID();
        return jdbc.query("UPDATE reply_jobs SET lease_owner = ?, lease_until = now() + make_interval(secs => ?), "
                + "attempts = attempts + 1 WHERE id = (SELECT j.id FROM reply_jobs j WHERE j.id = ? AND " + CLAIMABLE
                + " FOR UPDATE SKIP LOCKED) RETURNING id, business_id, conversation_id, lease_owner, attempts, "
                + "created_at, request_avro, request_schema",
                (rs, i) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getInt(5),
                        rs.getTimestamp(6).toInstant(), rs.getBytes(7), rs.getString(8)),
                owner, lease.toMillis() / 1000.0, id).stream().findFirst();
    }

    /** FAILED: the stored request cannot be read (so it cannot be answered, nor handed off with its ids). */
    void markUnreadable(Claim claim, String reason) {
        jdbc.update("UPDATE reply_jobs SET status = 'FAILED', lease_owner = NULL, lease_until = NULL, last_error = ?, "
                + "finished_at = now() WHERE id = ? AND lease_owner = ?", reason, claim.id(), claim.leaseOwner());
    }

    /** Locks the job's row for the rest of the transaction; true while it is PENDING and still ours. */
    boolean lockIfStillOurs(ReplyJob job) {
        return !jdbc.queryForList("SELECT id FROM reply_jobs WHERE id = ? AND status = 'PENDING' AND lease_owner = ? "
                + "FOR UPDATE", UUID.class, job.id(), job.leaseOwner()).isEmpty();
    }

    /** DONE: the reply is published; the stored request (customer text) is not needed any more. */
    void markDone(ReplyJob job) {
        jdbc.update("UPDATE reply_jobs SET status = 'DONE', lease_owner = NULL, lease_until = NULL, "
                + "request_avro = NULL, request_schema = NULL, last_error = NULL, finished_at = now() WHERE id = ?",
                job.id());
    }

    /** FAILED or EXPIRED, with why. The request is kept for an operator to look at. */
    void markGivenUp(ReplyJob job, String status, String reason) {
        jdbc.update("UPDATE reply_jobs SET status = ?, lease_owner = NULL, lease_until = NULL, last_error = ?, "
                + "finished_at = now() WHERE id = ?", status, reason, job.id());
    }

    /** Back to PENDING, due after {@code delay}; false when the job is no longer ours. */
    boolean reschedule(ReplyJob job, Duration delay, String reason) {
        return jdbc.update("UPDATE reply_jobs SET lease_owner = NULL, lease_until = NULL, last_error = ?, "
                + "due_at = now() + make_interval(secs => ?) WHERE id = ? AND status = 'PENDING' AND lease_owner = ?",
                reason, delay.toMillis() / 1000.0, job.id(), job.leaseOwner()) == 1;
    }

    /** Gives the claim up without waiting for its lease to run out (this instance is stopping). */
    boolean release(ReplyJob job) {
        return jdbc.update("UPDATE reply_jobs SET lease_owner = NULL, lease_until = NULL WHERE id = ? "
                + "AND status = 'PENDING' AND lease_owner = ?", job.id(), job.leaseOwner()) == 1;
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
            byte[] requestAvro, String requestSchema) {

        ReplyJob toJob() {
            return new ReplyJob(id, businessId, conversationId, leaseOwner, attempts, createdAt,
                    ReplyRequestCodec.decode(requestAvro, requestSchema));
        }

        @Override
        public String toString() {
            return "reply job " + id + " (business " + businessId + ", conversation " + conversationId + ")";
        }
    }

    /** A claimable job, as the global lookup sees it: enough to claim it as its business. */
    record DueJob(UUID id, UUID businessId) {
    }
}
