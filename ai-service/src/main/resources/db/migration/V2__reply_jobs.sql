-- One row per ReplyRequested: the due-time table the reply workers drain (issue 6 point 4). The
-- listener only inserts here (in the inbox's transaction); the model is called later, outside any
-- transaction, and the reply is published with the row marked DONE in one transaction.
CREATE TABLE reply_jobs (
    id              uuid        PRIMARY KEY,
    -- Insertion order: within a conversation, only the oldest PENDING job may be claimed.
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    business_id     uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    -- The ReplyRequested's eventId: a redelivered request never makes a second job.
    request_id      uuid        NOT NULL UNIQUE,
    requested_at    timestamptz NOT NULL,
    -- The request as Avro binary with the schema it was written with (read back with the current
    -- class as reader schema, so a deployment in between changes nothing). Cleared once DONE.
    request_avro    bytea,
    request_schema  text,
    status          text        NOT NULL DEFAULT 'PENDING'
                                CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'EXPIRED')),
    due_at          timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    -- A claim: a random token per claim and until when it holds. An expired lease (its worker
    -- died) makes the job claimable again.
    lease_owner     uuid,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CHECK (status <> 'PENDING' OR request_avro IS NOT NULL)
);
SELECT sellavie_enable_tenancy('reply_jobs');

-- What the claim query scans: due PENDING jobs, and the older PENDING jobs of a conversation.
CREATE INDEX reply_jobs_due ON reply_jobs (due_at) WHERE status = 'PENDING';
CREATE INDEX reply_jobs_conversation_order ON reply_jobs (business_id, conversation_id, seq)
    WHERE status = 'PENDING';
-- Retention sweeps finished jobs by age.
CREATE INDEX reply_jobs_finished ON reply_jobs (finished_at) WHERE status <> 'PENDING';
