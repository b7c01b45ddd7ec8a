-- The payment notification queue's columns get no statistics, so the planner sizes the queue by its
-- defaults (an equality 0.5 % of the table, a range a third) instead of by a sample taken while nothing
-- was due: with one, a claim by id during a backlog (a provider's verify API down, say) read the whole
-- due index instead of the primary key (PaymentNotificationQueuePlansTest). The send and reply queues
-- of conversation (V17) and ai (V12) have the same.
ALTER TABLE payment_notifications
    ALTER COLUMN state SET STATISTICS 0,
    ALTER COLUMN next_at SET STATISTICS 0,
    ALTER COLUMN lease_until SET STATISTICS 0;

-- ANALYZE leaves a column's old statistics in place when it stops sampling it; a change to the same type
-- removes them (no table rewrite: the index that names the columns is rebuilt).
ALTER TABLE payment_notifications
    ALTER COLUMN state TYPE text,
    ALTER COLUMN next_at TYPE timestamptz,
    ALTER COLUMN lease_until TYPE timestamptz;
