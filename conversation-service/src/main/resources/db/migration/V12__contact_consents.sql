-- Consent records per contact: what the customer agreed to (or withdrew), when, and how we know.
-- Append-only history; the latest record per purpose is the current state. Exported and erased with
-- the contact (privacy requests).
CREATE TABLE contact_consents (
    id          uuid PRIMARY KEY,
    business_id uuid        NOT NULL,
    contact_id  uuid        NOT NULL REFERENCES contacts (id),
    purpose     text        NOT NULL,
    status      text        NOT NULL,
    source      text        NOT NULL,
    recorded_by text,
    recorded_at timestamptz NOT NULL,
    CONSTRAINT contact_consents_purpose_check CHECK (purpose IN ('MESSAGING', 'MARKETING')),
    CONSTRAINT contact_consents_status_check CHECK (status IN ('GRANTED', 'WITHDRAWN'))
);
CREATE INDEX contact_consents_contact_idx ON contact_consents (business_id, contact_id, recorded_at DESC);
SELECT sellavie_enable_tenancy('contact_consents');
