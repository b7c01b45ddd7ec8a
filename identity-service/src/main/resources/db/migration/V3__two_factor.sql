-- TOTP two-factor authentication (issue 9 item 6). Both tables belong to the user, who is global (a
-- person may belong to several businesses and has one authenticator), so like users they carry no
-- business_id and no row-level security; the code reaches them only by the user id of a verified
-- token or of a password-checked log-in.
CREATE TABLE user_totp (
    user_id          uuid        PRIMARY KEY REFERENCES users (id),
    secret_encrypted bytea       NOT NULL,          -- Tink AEAD, the user id as associated data
    created_at       timestamptz NOT NULL,
    confirmed_at     timestamptz,                   -- NULL: enrolment started, 2FA not on yet
    last_used_step   bigint                         -- the last accepted 30 s step: a code is never accepted twice
);

-- Ten single-use recovery codes per confirmed enrolment; only their SHA-256 is kept.
CREATE TABLE totp_recovery_codes (
    user_id   uuid        NOT NULL REFERENCES users (id),
    code_hash bytea       NOT NULL,
    used_at   timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- An OWNER can require 2FA for the business: members without it then get access tokens that open
-- only the enrolment endpoints (claim mfa_enrolment_required) until they enrol.
ALTER TABLE businesses ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false;
