-- Connected channels. The access token is stored only as Tink AEAD ciphertext (associated data =
-- the channel id, so a ciphertext copied to another row does not decrypt); access_token_hint is the
-- masked form shown in responses (first 4 + last 4 characters).
CREATE TABLE channels (
    id                      uuid PRIMARY KEY,
    business_id             uuid        NOT NULL,
    type                    text        NOT NULL,
    external_id             text        NOT NULL,
    name                    text,
    access_token_ciphertext bytea       NOT NULL,
    access_token_hint       text        NOT NULL,
    status                  text        NOT NULL,
    created_at              timestamptz NOT NULL,
    -- One owner per account at Meta, across all businesses (webhooks route by it).
    CONSTRAINT channels_type_external_id_key UNIQUE (type, external_id)
);
CREATE INDEX channels_business_idx ON channels (business_id, created_at);
SELECT sellavie_enable_tenancy('channels');
