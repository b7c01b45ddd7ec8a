-- Login sessions with rotating refresh tokens, and the security events they raise (issue 9).
--
-- A session is one log-in on one device: its id is the `sid` claim of every access token issued in it
-- and the family of its refresh tokens. All three tables are tenant-owned (row-level security on
-- business_id); a refresh, which knows only the presented token, first finds the token's business
-- through the named global lookup `session-by-refresh-token`.
CREATE TABLE sessions (
    id             uuid        PRIMARY KEY,                 -- the sid (UUIDv7)
    business_id    uuid        NOT NULL REFERENCES businesses (id),
    user_id        uuid        NOT NULL REFERENCES users (id),
    device         text,                                    -- User-Agent at log-in/last refresh, truncated
    ip             text,                                    -- client address (X-Forwarded-For from the gateway)
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz NOT NULL,                    -- idle expiry counts from here
    expires_at     timestamptz NOT NULL,                    -- absolute expiry
    revoked_at     timestamptz,
    revoked_reason text CHECK (revoked_reason IN ('LOGOUT', 'REVOKED', 'REFRESH_TOKEN_REUSE', 'MEMBERSHIP_ENDED'))
);
CREATE INDEX sessions_member ON sessions (business_id, user_id);
SELECT sellavie_enable_tenancy('sessions');

-- Only the SHA-256 of each refresh token is kept. A spent token keeps its row (used_at set) so that
-- presenting it again is recognised as reuse; replaced_by names its successor.
CREATE TABLE refresh_tokens (
    token_hash  bytea       PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES sessions (id),
    business_id uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    used_at     timestamptz,
    replaced_by bytea
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);
SELECT sellavie_enable_tenancy('refresh_tokens');

-- Security-relevant facts about sessions (the activity log of issue 9 item 10 will show them).
CREATE TABLE security_events (
    id          uuid        PRIMARY KEY,
    business_id uuid        NOT NULL,
    user_id     uuid,
    session_id  uuid,
    kind        text        NOT NULL,                       -- e.g. REFRESH_TOKEN_REUSE
    ip          text,
    device      text,
    occurred_at timestamptz NOT NULL
);
CREATE INDEX security_events_business_time ON security_events (business_id, occurred_at);
SELECT sellavie_enable_tenancy('security_events');
