-- The send queue's columns get no statistics, so the planner sizes the queue by its defaults (an equality
-- 0.5 % of the table, a range a third) instead of by a sample taken while the queue was empty.
--
-- ANALYZE nearly always finds the queue empty (it drains in well under a second), so the planner believed
-- the queue's partial indexes empty and no PENDING message anywhere. During a backlog it then read a message
-- by id and state (a claim, ATTEMPTING, SENT) by scanning a queue index whole rather than through the
-- primary key, and the poll sorted the whole backlog: each statement read the backlog, so draining it grew
-- with its square (DueSendsTest). The console's attention list, the one other statement that filters by
-- delivery_status, reads a business's outbound messages either way.
ALTER TABLE messages
    ALTER COLUMN delivery_status SET STATISTICS 0,
    ALTER COLUMN next_attempt_at SET STATISTICS 0,
    ALTER COLUMN lease_until SET STATISTICS 0;

-- ANALYZE leaves a column's old statistics in place when it stops sampling it; a change to the same type
-- removes them (no table rewrite: the indexes that name the columns are rebuilt). The trigger that names
-- delivery_status has to step aside meanwhile; it is recreated exactly as V8 made it.
DROP TRIGGER live_events_message_changed ON messages;
ALTER TABLE messages
    ALTER COLUMN delivery_status TYPE text,
    ALTER COLUMN next_attempt_at TYPE timestamptz,
    ALTER COLUMN lease_until TYPE timestamptz;
CREATE TRIGGER live_events_message_changed AFTER UPDATE ON messages
    FOR EACH ROW
    WHEN (OLD.delivery_status IS DISTINCT FROM NEW.delivery_status
        OR OLD.failure_reason IS DISTINCT FROM NEW.failure_reason
        OR OLD.attempts IS DISTINCT FROM NEW.attempts
        OR OLD.resolution IS DISTINCT FROM NEW.resolution
        OR OLD.text IS DISTINCT FROM NEW.text)
    EXECUTE FUNCTION live_events_on_message();
