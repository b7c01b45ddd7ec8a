-- Outbox rows are no longer deleted in the inserting transaction: they stay for a retention window
-- (sellavie.outbox.retention, 24 h) so a relay whose replication slot was lost or dropped can publish
-- them again. The cleaner and the republish both select by age.
CREATE INDEX outbox_created_at ON outbox (created_at);

-- How far Kafka has acknowledged the outbox, per replication slot: the highest created_at among the
-- events the relay saw acknowledged. republish_from is set when the relay had to create a new slot
-- (rows after it must be published again before the new slot streams) and cleared once that is done;
-- it survives a crash of the leader, so whoever leads next finishes the republish.
CREATE TABLE relay_checkpoint (
    slot_name          text        PRIMARY KEY,
    acknowledged_until timestamptz,
    republish_from     timestamptz,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- The relay leader's lease: the leader refreshes heartbeat_at every lock-retry-interval. A standby that
-- finds the advisory lock held by the session named here but the heartbeat older than leader-timeout
-- ends that session (and the slot's walsender) and takes over: a leader whose host or network vanished
-- would otherwise keep the lock until TCP keepalive gives up on it (hours).
CREATE TABLE relay_leader (
    lock_key         bigint      PRIMARY KEY,
    instance         text        NOT NULL,
    application_name text        NOT NULL,
    heartbeat_at     timestamptz NOT NULL
);

-- Records the relay could not deliver and will never deliver by retrying (Kafka refused them for good,
-- or they were not an outbox event it can forward): kept with the reason, replayable through the outbox
-- (RelayDeadLetters.replay). The stream goes on without them.
CREATE TABLE relay_dead_letters (
    id          bigserial   PRIMARY KEY,
    event_id    uuid,
    topic       text,
    key         text,
    headers     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    payload     bytea,
    reason      text        NOT NULL,
    failed_at   timestamptz NOT NULL DEFAULT now()
);

-- A batch retried after a transient failure may dead-letter the same event again: one row per event.
CREATE UNIQUE INDEX relay_dead_letters_event_id ON relay_dead_letters (event_id) WHERE event_id IS NOT NULL;
