-- DMs that named no known channel when they arrived (a channel ingest has not learned yet), kept so
-- they can be routed once it connects. Tenant-less by nature (no route = no business), so no
-- row-level security; personal data: only what a replay needs is kept, and only for
-- sellavie.ingest.unroutable.retention (7 days), then deleted by UnroutableRetention.
CREATE TABLE unroutable_messages (
    id                   uuid        PRIMARY KEY,
    seq                  bigint      GENERATED ALWAYS AS IDENTITY,  -- received order (received_at ties within a webhook)
    channel_type         text        NOT NULL,  -- INSTAGRAM, MESSENGER or WHATSAPP
    recipient_id         text        NOT NULL,  -- recipient.id (IG account / Page) or WhatsApp phone_number_id
    display_phone_number text,                  -- WhatsApp: the business number, digits only (routing fallback)
    account_id           text,                  -- WhatsApp: the WABA id (last routing fallback)
    external_message_id  text        NOT NULL,  -- Meta's mid / wamid: a retried webhook is kept once
    message              text        NOT NULL,  -- the verified Meta JSON of this one message (a one-message webhook)
    received_at          timestamptz NOT NULL
);

CREATE UNIQUE INDEX unroutable_messages_once ON unroutable_messages (channel_type, external_message_id);
CREATE INDEX unroutable_messages_by_recipient ON unroutable_messages (channel_type, recipient_id);
CREATE INDEX unroutable_messages_by_display_number ON unroutable_messages (display_phone_number)
    WHERE display_phone_number IS NOT NULL;
CREATE INDEX unroutable_messages_by_account ON unroutable_messages (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX unroutable_messages_by_received_at ON unroutable_messages (received_at);
