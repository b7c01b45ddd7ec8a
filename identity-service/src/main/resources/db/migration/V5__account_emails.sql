-- Email verification and password reset (issue 9 items 4 and 5).
--
-- Both tables belong to a user, and users are global (no tenant): a verification link or a reset
-- request arrives before any business is known. Only the SHA-256 of each token is kept; the token
-- itself exists in the emailed link only (encrypted on identity.account-emails). A token is spent by
-- setting used_at; issuing a new one spends the user's earlier ones of the same kind.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

-- Accounts that existed before verification was introduced signed up under the old flow: treat their
-- address as verified rather than locking them out of channel connection.
UPDATE users SET email_verified_at = created_at;

CREATE TABLE account_tokens (
    token_hash bytea       PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id),
    purpose    text        NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose) WHERE used_at IS NULL;

-- A password reset ends every session of the account.
ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
    CHECK (revoked_reason IN ('LOGOUT', 'REVOKED', 'REFRESH_TOKEN_REUSE', 'MEMBERSHIP_ENDED', 'PASSWORD_RESET'));
