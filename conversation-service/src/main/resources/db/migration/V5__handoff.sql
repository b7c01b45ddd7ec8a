-- Handoff and inbox organisation (README "Handoff" and "Inbox"): who handles a conversation, its
-- labels, what the team has read, and the customer's messaging window.
ALTER TABLE conversations
    -- The member (identity user id, the JWT subject) the conversation is assigned to; null = unassigned.
    ADD COLUMN assignee_id          uuid,
    -- Lower-case labels, at most 20 of 1-32 characters each.
    ADD COLUMN labels               text[]      NOT NULL DEFAULT '{}',
    -- Customer messages since the team last read it (POST .../read sets it to 0).
    ADD COLUMN unread_count         int         NOT NULL DEFAULT 0,
    -- The customer's latest message (Meta's time): the messaging window closes 24 h after it.
    ADD COLUMN last_inbound_at      timestamptz,
    -- When the mode last changed, and the event that changed it (an AI reply carrying a handoff
    -- action is still sent although the conversation is HUMAN by then: the send-time check knows it).
    ADD COLUMN mode_changed_at      timestamptz,
    ADD COLUMN mode_cause_event_id  uuid,
    ADD CONSTRAINT conversations_mode_check CHECK (mode IN ('BOT', 'HUMAN', 'CLOSED')),
    ADD CONSTRAINT conversations_labels_check CHECK (cardinality(labels) <= 20);

-- Internal notes (direction INTERNAL) and members' replies name their author.
ALTER TABLE messages ADD COLUMN author_id uuid;

-- Pages of the inbox: newest activity first, ties broken by id (the cursor).
DROP INDEX conversations_recent_idx;
CREATE INDEX conversations_recent_idx ON conversations (business_id, last_message_at DESC, id DESC);
CREATE INDEX conversations_assignee_idx ON conversations (business_id, assignee_id, last_message_at DESC);
CREATE INDEX conversations_labels_idx ON conversations USING gin (labels);
-- The quiet-period job looks at HUMAN conversations only.
CREATE INDEX conversations_human_idx ON conversations (business_id) WHERE mode = 'HUMAN';

-- Per-business handoff settings; a business without a row uses the defaults (HandoffSettings).
CREATE TABLE handoff_settings (
    business_id          uuid PRIMARY KEY,
    keywords             text[]      NOT NULL,
    quiet_period_minutes int         NOT NULL,
    updated_at           timestamptz NOT NULL
);
SELECT sellavie_enable_tenancy('handoff_settings');

-- Search (q) by contact name and message text: trigram indexes make ILIKE '%…%' use an index. pg_trgm
-- is a trusted extension (PostgreSQL 13+), so the service's non-superuser owner may create it; where
-- it is not installed the search still works, by sequential scan.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXECUTE 'CREATE INDEX messages_text_trgm_idx ON messages USING gin (text gin_trgm_ops)';
    EXECUTE 'CREATE INDEX contacts_name_trgm_idx ON contacts USING gin (name gin_trgm_ops)';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm unavailable (%): search by ILIKE without trigram indexes', SQLERRM;
END
$$;
