-- Issue 8, Facebook Login for Business. One row per "Connect with Facebook" started by a member: the OAuth
-- state (only its SHA-256: the state itself is a bearer secret), single use and short lived; after the
-- callback, the session the merchant picks accounts from. session_ciphertext holds the user and Page tokens
-- and the choices as Tink AEAD ciphertext (associated data = the row id), never in clear.
CREATE TABLE facebook_logins (
    id                 uuid PRIMARY KEY,
    business_id        uuid        NOT NULL,
    member_id          text        NOT NULL,
    state_hash         bytea       NOT NULL,
    state_expires_at   timestamptz NOT NULL,
    state_used_at      timestamptz,
    session_ciphertext bytea,
    session_expires_at timestamptz,
    created_at         timestamptz NOT NULL,
    CONSTRAINT facebook_logins_state_hash_key UNIQUE (state_hash)
);
CREATE INDEX facebook_logins_business_idx ON facebook_logins (business_id, created_at);
SELECT sellavie_enable_tenancy('facebook_logins');
