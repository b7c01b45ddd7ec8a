-- Export requests this service answered: what identity's later GET /internal/privacy/exports/{id} needs
-- to compute the part (the subject's business, scope and contact), never the data itself. Ids only, so
-- no personal data lives here; not tenant-owned (looked up by request id from an internal call).
CREATE TABLE privacy_exports (
    request_id  uuid PRIMARY KEY,
    business_id uuid        NOT NULL,
    scope       text        NOT NULL,
    contact_id  uuid,
    received_at timestamptz NOT NULL DEFAULT now()
);
