-- The inbox: which events each consumer group has already applied. A consumer inserts
-- (consumer_group, event_id) in the same transaction as the event's effect; a redelivered event
-- finds its row and changes nothing. Not tenant-owned (no business_id): it is platform bookkeeping.
CREATE TABLE inbox (
    consumer_group text        NOT NULL,
    event_id       uuid        NOT NULL,
    processed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, event_id)
);

-- Retention deletes by age (default 14 days: Meta retries a webhook for up to 7).
CREATE INDEX inbox_processed_at ON inbox (processed_at);
