-- Outbound messages become a due-time queue drained by a scheduler (README "Outbound"): the Kafka
-- listener only records a reply PENDING; a sender claims it under a lease, marks it ATTEMPTING in its
-- own commit just before the Send API call, and records the outcome.
--
-- delivery_status for OUTBOUND rows: PENDING (queued, or waiting for its next attempt), ATTEMPTING
-- (a Send API call is, or was, in flight), SENT, FAILED, UNKNOWN (maybe sent: shown, never re-sent
-- automatically), EXPIRED (a replayed reply too old to send). Only PENDING and ATTEMPTING are open;
-- the others are final and never hold back the conversation's later messages.
ALTER TABLE messages
    -- When the next Send API attempt is due (PENDING only).
    ADD COLUMN next_attempt_at  timestamptz,
    -- The instance that claimed the message, and until when its claim holds. A PENDING message whose
    -- lease expired is claimed again; an ATTEMPTING one becomes UNKNOWN.
    ADD COLUMN lease_owner      text,
    ADD COLUMN lease_until      timestamptz,
    -- The first attempt (of the current try, reset by a resend): the retry horizon runs from it.
    ADD COLUMN first_attempt_at timestamptz,
    ADD COLUMN last_attempt_at  timestamptz,
    -- The journey of the reply, so events published by the sender carry it.
    ADD COLUMN correlation_id   text,
    -- A team member's decision on an UNKNOWN message: RESENT or MARKED_DELIVERED, by whom, when.
    ADD COLUMN resolution       text,
    ADD COLUMN resolved_by      text,
    ADD COLUMN resolved_at      timestamptz;

-- Rows left PENDING by the previous version keep next_attempt_at NULL: the lease sweeper treats them
-- as interrupted sends (UNKNOWN), as that version's start-up sweep did. (No UPDATE here: row-level
-- security needs a tenant for every row a statement touches.)

DROP INDEX messages_pending_idx;
-- The scheduler's scans: due PENDING messages, expired leases, and "is there an older open message
-- in this conversation?".
CREATE INDEX messages_due_idx ON messages (next_attempt_at) WHERE delivery_status = 'PENDING';
CREATE INDEX messages_leased_idx ON messages (lease_until) WHERE delivery_status IN ('PENDING', 'ATTEMPTING');
CREATE INDEX messages_open_outbound_idx ON messages (conversation_id, sent_at, id)
    WHERE delivery_status IN ('PENDING', 'ATTEMPTING');
