-- Privacy requests (issue 9 items 11 and 12): exports and erasures an OWNER asked for, and erasures
-- Meta's deauthorize / data-deletion callbacks started. Tenant-owned (row-level security on
-- business_id); a Meta user's erasure belongs to no business and is kept under EventMetadata.NO_BUSINESS
-- (the all-zero uuid), hence no foreign key to businesses. Nothing personal is kept here beyond the
-- subject's ids (contact id, Meta app-scoped id), which every service needs to answer.
CREATE TABLE privacy_requests (
    id                uuid        PRIMARY KEY,                 -- UUIDv7: the requestId of every event
    business_id       uuid        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('EXPORT', 'ERASURE')),
    scope             text        NOT NULL CHECK (scope IN ('CONTACT', 'BUSINESS', 'META_USER')),
    contact_id        uuid,
    meta_user_id      text,
    source            text        NOT NULL CHECK (source IN ('CONSOLE', 'META_DATA_DELETION', 'META_DEAUTHORIZE')),
    requested_by      uuid,                                    -- the OWNER; null for Meta's callbacks
    status            text        NOT NULL CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED')),
    -- Meta's data-deletion answer: the code the user can look the request up with (public status page).
    confirmation_code text        UNIQUE,
    created_at        timestamptz NOT NULL,
    completed_at      timestamptz,
    CHECK (scope <> 'CONTACT' OR contact_id IS NOT NULL),
    CHECK (scope <> 'META_USER' OR meta_user_id IS NOT NULL)
);
CREATE INDEX privacy_requests_business_time ON privacy_requests (business_id, created_at DESC);
SELECT sellavie_enable_tenancy('privacy_requests');

-- One row per (request, answering service), created PENDING with the request for every configured
-- service (sellavie.privacy.services); PrivacyTaskCompleted sets its outcome.
CREATE TABLE privacy_tasks (
    request_id  uuid        NOT NULL REFERENCES privacy_requests (id),
    business_id uuid        NOT NULL,
    service     text        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('PENDING', 'DONE', 'FAILED')),
    item_count  integer     NOT NULL DEFAULT 0,
    detail      text,                                          -- why it failed (a cause, no personal data)
    answered_at timestamptz,
    PRIMARY KEY (request_id, service)
);
SELECT sellavie_enable_tenancy('privacy_tasks');

-- An export's archive (ZIP: one JSON file per service and a manifest), encrypted with Tink AEAD
-- (identity's keyset; associated data = the request id) and kept until expires_at (7 days), then purged.
CREATE TABLE privacy_export_archives (
    request_id  uuid        PRIMARY KEY REFERENCES privacy_requests (id),
    business_id uuid        NOT NULL,
    ciphertext  bytea       NOT NULL,
    size_bytes  integer     NOT NULL,                          -- of the ZIP before encryption
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX privacy_export_archives_expiry ON privacy_export_archives (expires_at);
SELECT sellavie_enable_tenancy('privacy_export_archives');
