-- Issue 8, channels: ownership proven at connect (Meta's identifiers kept), a lifecycle
-- (CONNECTED -> NEEDS_RECONNECT -> CONNECTED, any -> DISCONNECTED) and reconnection.
ALTER TABLE channels
    ADD COLUMN page_id              text,
    ADD COLUMN waba_id              text,
    ADD COLUMN display_phone_number text,
    ADD COLUMN status_changed_at    timestamptz,
    -- A disconnected channel keeps no token at all.
    ALTER COLUMN access_token_ciphertext DROP NOT NULL;

ALTER TABLE channels ADD CONSTRAINT channels_token_unless_disconnected
    CHECK (status = 'DISCONNECTED' OR access_token_ciphertext IS NOT NULL);

-- One live owner per account across all businesses (webhooks route by it); once disconnected, the
-- account may be connected by another business while the old row keeps its history.
ALTER TABLE channels DROP CONSTRAINT channels_type_external_id_key;
CREATE UNIQUE INDEX channels_live_account_key ON channels (type, external_id) WHERE status <> 'DISCONNECTED';
CREATE INDEX channels_business_account_idx ON channels (business_id, type, external_id);
