-- The checkout link queue is the orders whose checkout_next_at is set, and nothing else.
--
-- Its index took the orders whose link is PENDING and which await payment. ANALYZE nearly always finds none (a
-- link is made within a second of the order), so the planner believed the index empty, and with a backlog (a
-- provider down, retrying) a claim by id scanned the whole index rather than the primary key: each claim read
-- the backlog, so draining it grew with its square (CheckoutQueuePlansTest). Two equalities in the index's
-- predicate stay tiny even without statistics (0.5 % of 0.5 %), so the queue is now one column: an order's
-- checkout_next_at is cleared when its link is made or fails and when the order closes (Order), the constraint
-- below keeps it so, and the column gets no statistics, so its queue is sized by the defaults.

-- Orders closed before this version while their link was still due leave the queue. The backfill spans every
-- business: row-level security is lifted for the table's owner (the role migrating) for this transaction only,
-- and forced again before it commits (as ai's V7).
ALTER TABLE orders NO FORCE ROW LEVEL SECURITY;
UPDATE orders SET checkout_next_at = NULL
 WHERE checkout_next_at IS NOT NULL AND (status <> 'PENDING_PAYMENT' OR checkout_status <> 'PENDING');
ALTER TABLE orders FORCE ROW LEVEL SECURITY;

ALTER TABLE orders
    ALTER COLUMN checkout_next_at SET STATISTICS 0,
    ALTER COLUMN checkout_lease_until SET STATISTICS 0;
-- ANALYZE leaves a column's old statistics in place when it stops sampling it; a change to the same type
-- removes them (no table rewrite: the indexes that name the columns are rebuilt).
ALTER TABLE orders
    ALTER COLUMN checkout_next_at TYPE timestamptz,
    ALTER COLUMN checkout_lease_until TYPE timestamptz;

DROP INDEX orders_checkout_due_idx;
CREATE INDEX orders_checkout_due_idx ON orders (checkout_next_at) WHERE checkout_next_at IS NOT NULL;

ALTER TABLE orders ADD CONSTRAINT orders_checkout_due_while_pending
    CHECK (checkout_next_at IS NULL OR (checkout_status = 'PENDING' AND status = 'PENDING_PAYMENT'));
