-- The lease sweeper's index holds the sends in flight (ATTEMPTING) only, the rows its one query reads
-- (OutboundQueue.interrupted: ATTEMPTING with an expired lease).
--
-- It held PENDING messages too, so its predicate followed from the head check's "open" state (PENDING or
-- ATTEMPTING), and with the planner's statistics sampled while the queue was empty the index looked like less
-- than a row: a claim's head check was seen to AND a scan of all of it with one of the business's indexes and
-- sort the result (158 buffers with 3,000 due, DueSendsTest in CI) instead of reading the conversation's first
-- open message from messages_open_outbound_idx. No other index's predicate follows from the open state now.
--
-- Built inside the migration's transaction, as Flyway runs it (CONCURRENTLY waits for that transaction): the
-- build reads the table once while holding its writes.
DROP INDEX messages_leased_idx;
CREATE INDEX messages_leased_idx ON messages (lease_until) WHERE delivery_status = 'ATTEMPTING';
