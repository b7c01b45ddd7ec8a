-- The reply queue's columns get no statistics, so the planner sizes the queue by its defaults (an equality
-- 0.5 % of the table, a range a third) instead of by a sample taken while the queue was empty.
--
-- ANALYZE nearly always finds next to no PENDING job (the queue drains in a second), so the planner
-- believed the queue's partial indexes empty. During a backlog (a model provider down, say) it then claimed
-- jobs by id by scanning reply_jobs_conversation_order whole, and checked each for an older job of its
-- conversation by scanning it whole again: a claim of two jobs read 9,001 pages with 3,000 jobs waiting
-- (ReplyJobQueuePlansTest). Only the queue's own statements filter reply_jobs by these columns.
ALTER TABLE reply_jobs
    ALTER COLUMN status SET STATISTICS 0,
    ALTER COLUMN due_at SET STATISTICS 0,
    ALTER COLUMN lease_until SET STATISTICS 0;

-- ANALYZE leaves a column's old statistics in place when it stops sampling it; a change to the same type
-- removes them (no table rewrite: the indexes that name the columns are rebuilt).
ALTER TABLE reply_jobs
    ALTER COLUMN status TYPE text,
    ALTER COLUMN due_at TYPE timestamptz,
    ALTER COLUMN lease_until TYPE timestamptz;
