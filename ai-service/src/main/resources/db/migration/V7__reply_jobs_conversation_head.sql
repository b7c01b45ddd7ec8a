-- Finding due jobs must not cost more as the backlog grows (issue 6: after an outage the poller spent
-- its time in a correlated "no older PENDING job in this conversation" check per candidate while the
-- workers idled). Each conversation's oldest PENDING job now carries head = true, kept up to date when
-- a job is recorded or finishes (under a per-conversation advisory lock), so the due query reads only
-- heads, in due order, from one partial index. The claim still checks the order rule itself.
ALTER TABLE reply_jobs ADD COLUMN head boolean NOT NULL DEFAULT true;

-- The backfill spans every business: row-level security is lifted for the table's owner (the role
-- migrating) for this transaction only, and forced again before it commits.
ALTER TABLE reply_jobs NO FORCE ROW LEVEL SECURITY;
UPDATE reply_jobs j SET head = NOT EXISTS (
    SELECT 1 FROM reply_jobs e WHERE e.business_id = j.business_id AND e.conversation_id = j.conversation_id
    AND e.status = 'PENDING' AND e.seq < j.seq)
WHERE j.status = 'PENDING';
ALTER TABLE reply_jobs FORCE ROW LEVEL SECURITY;

DROP INDEX reply_jobs_due;
CREATE INDEX reply_jobs_due_heads ON reply_jobs (due_at, seq) WHERE status = 'PENDING' AND head;
-- PENDING jobs that are not heads, for the periodic check that none is left without a head.
CREATE INDEX reply_jobs_waiting ON reply_jobs (seq) WHERE status = 'PENDING' AND NOT head;
