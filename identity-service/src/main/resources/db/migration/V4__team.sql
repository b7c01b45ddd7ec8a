-- Team invitations (issue 9 item 7). Tenant-owned (row-level security on business_id).
--
-- Only the SHA-256 of an invitation's token is kept: the accept link is shown once, to the inviter.
-- Accepting knows only the token, so it first finds the invitation's business through the named
-- global lookup `invitation-by-token`. A later email sender reads email, role, inviter and expiry here.
CREATE TABLE invitations (
    id          uuid        PRIMARY KEY,                 -- UUIDv7
    business_id uuid        NOT NULL REFERENCES businesses (id),
    email       text        NOT NULL,                    -- trimmed and lower-cased
    role        text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'AGENT')),
    token_hash  bytea       NOT NULL UNIQUE,
    invited_by  uuid        NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid        REFERENCES users (id),
    revoked_at  timestamptz
);
CREATE INDEX invitations_business_pending ON invitations (business_id, created_at) WHERE accepted_at IS NULL AND revoked_at IS NULL;
SELECT sellavie_enable_tenancy('invitations');
