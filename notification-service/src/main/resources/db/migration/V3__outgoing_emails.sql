-- Emails waiting to be sent, being retried, sent or given up on. Written in the consumer's transaction
-- (with its inbox entry) and sent later by the scheduled sender, so a slow or down SMTP server never
-- holds a Kafka consumer. Not tenant-owned: account emails often belong to no business (a password
-- reset), no API reads this table, and the sender works through every business's queue at once.
CREATE TABLE outgoing_emails (
    email_id        uuid        PRIMARY KEY,          -- the request's idempotency key: one mail per emailId
    business_id     uuid        NOT NULL,             -- EventMetadata.NO_BUSINESS when none
    kind            text        NOT NULL,             -- template: EMAIL_VERIFICATION, PASSWORD_RESET, ...
    recipient       text,                             -- the address; null: the member's, asked of identity at send time
    recipient_user_id uuid,                           -- the member a merchant alert goes to
    locale          text,                             -- BCP 47 tag; English when null or without templates
    variables       jsonb       NOT NULL DEFAULT '{}', -- what the template names (businessName, role...), no secret
    link_ciphertext text,                             -- the action link as the event carried it: AEAD, decrypted at send time
    status          text        NOT NULL DEFAULT 'PENDING', -- PENDING, SENT or FAILED (dead-lettered)
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT outgoing_emails_status CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT outgoing_emails_addressed CHECK (recipient IS NOT NULL OR recipient_user_id IS NOT NULL)
);

CREATE INDEX outgoing_emails_due ON outgoing_emails (next_attempt_at) WHERE status = 'PENDING';
