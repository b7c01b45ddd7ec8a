-- The poller's due query walks the businesses that have due messages and reads at most
-- per-business-workers heads of each (ORDER BY next_attempt_at LIMIT, per business), so a poll costs
-- what the businesses cost, not what one business's backlog does: it used to rank every due message of
-- every business on each poll, and a poll runs after every send while a backlog waits for workers.
-- Built inside the migration's transaction, as Flyway runs it (CONCURRENTLY waits for that transaction).
CREATE INDEX messages_due_by_business_idx ON messages (business_id, next_attempt_at)
    WHERE delivery_status = 'PENDING';
DROP INDEX messages_due_idx;
