-- Users, businesses (tenants) and who belongs to which.
--
-- users are GLOBAL: one person may belong to several businesses, and logging in must find them
-- before any tenant is known. They carry no business_id and no row-level security; the code reaches
-- them by id (from a verified token) or through the named global lookups login-by-email and
-- email-taken (sellavie.tenancy.global-lookups).
CREATE TABLE users (
    id            uuid        PRIMARY KEY,            -- UUIDv7
    email         text        NOT NULL,               -- stored trimmed and lower-cased
    password_hash text        NOT NULL,               -- bcrypt ($2a$...)
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- One account per address, whatever its case: the last guard against two concurrent sign-ups.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- A business is its own tenant: business_id (= id) is what the platform's row-level security keys on.
CREATE TABLE businesses (
    id          uuid        PRIMARY KEY,              -- UUIDv7; the tenant id in tokens and events
    business_id uuid        GENERATED ALWAYS AS (id) STORED NOT NULL,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
SELECT sellavie_enable_tenancy('businesses');

CREATE TABLE memberships (
    business_id uuid        NOT NULL REFERENCES businesses (id),
    user_id     uuid        NOT NULL REFERENCES users (id),
    role        text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'AGENT')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (business_id, user_id)
);
-- Log-in finds a user's businesses by user.
CREATE INDEX memberships_user_id ON memberships (user_id);
SELECT sellavie_enable_tenancy('memberships');
