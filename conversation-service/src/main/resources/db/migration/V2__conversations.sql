-- Customers, their conversations with a business on one channel, and the messages.
CREATE TABLE contacts (
    id          uuid PRIMARY KEY,
    business_id uuid        NOT NULL,
    channel_id  uuid        NOT NULL REFERENCES channels (id),
    external_id text        NOT NULL,
    name        text,
    created_at  timestamptz NOT NULL,
    CONSTRAINT contacts_channel_external_key UNIQUE (business_id, channel_id, external_id)
);
SELECT sellavie_enable_tenancy('contacts');

CREATE TABLE conversations (
    id              uuid PRIMARY KEY,
    business_id     uuid        NOT NULL,
    channel_id      uuid        NOT NULL REFERENCES channels (id),
    contact_id      uuid        NOT NULL REFERENCES contacts (id),
    mode            text        NOT NULL DEFAULT 'BOT',
    last_message_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT conversations_channel_contact_key UNIQUE (business_id, channel_id, contact_id)
);
CREATE INDEX conversations_recent_idx ON conversations (business_id, last_message_at DESC);
SELECT sellavie_enable_tenancy('conversations');

-- delivery_status: RECEIVED (inbound), PENDING (outbound, before the Send API call), SENT, FAILED,
-- UNKNOWN (left PENDING by a crash: maybe sent, never re-sent automatically).
CREATE TABLE messages (
    id                  uuid PRIMARY KEY,
    business_id         uuid        NOT NULL,
    conversation_id     uuid        NOT NULL REFERENCES conversations (id),
    direction           text        NOT NULL,
    author_type         text        NOT NULL,
    text                text,
    external_message_id text,
    source_event_id     uuid,
    sent_at             timestamptz NOT NULL,
    delivery_status     text        NOT NULL,
    attempts            int         NOT NULL DEFAULT 0,
    failure_reason      text,
    failure_code        text,
    updated_at          timestamptz NOT NULL,
    -- Idempotency on Meta's message id (mid / wamid), and on the event that asked for an outbound message.
    CONSTRAINT messages_external_id_key UNIQUE (business_id, external_message_id),
    CONSTRAINT messages_source_event_key UNIQUE (business_id, source_event_id)
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, sent_at, id);
CREATE INDEX messages_pending_idx ON messages (updated_at) WHERE delivery_status = 'PENDING';
SELECT sellavie_enable_tenancy('messages');
