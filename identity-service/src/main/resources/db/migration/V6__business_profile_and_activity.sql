-- The business profile and the activity log (issue 9 items 8 and 10).

-- The profile a merchant edits in Settings → Business (name was already here). All optional but the
-- name; identity publishes the whole profile as BusinessUpdated on every change.
ALTER TABLE businesses
    ADD COLUMN time_zone     text,                  -- IANA zone id, e.g. Africa/Lagos
    ADD COLUMN language      text,                  -- BCP 47 tag from the supported list, e.g. en, pt-BR
    ADD COLUMN country       text,                  -- ISO 3166-1 alpha-2
    ADD COLUMN contact_email text,                  -- the business's public address, not a login
    ADD COLUMN logo_url      text,                  -- https only
    ADD COLUMN updated_at    timestamptz;

-- Who did what, when and from where, for the business's OWNERs and ADMINs (GET /api/activity).
-- security_events (V2) stays where session security facts are written; the activity API reads both.
-- Entries from other services' topics carry the event's id (source_event_id) and its actor when the
-- event names one (actor_user_id null = the system).
CREATE TABLE activity_entries (
    id              uuid        PRIMARY KEY,        -- UUIDv7
    business_id     uuid        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    category        text        NOT NULL CHECK (category IN ('SECURITY', 'TEAM', 'SETTINGS', 'CHANNELS',
                                                             'CONVERSATIONS', 'ORDERS')),
    kind            text        NOT NULL,           -- e.g. LOGIN_FAILED, CHANNEL_CONNECTED, ORDER_REFUNDED
    actor_user_id   uuid,
    ip              text,
    user_agent      text,
    subject         text,                           -- what it was about: an id or a short display text
    source_event_id uuid
);
CREATE INDEX activity_entries_business_time ON activity_entries (business_id, occurred_at DESC, id DESC);
SELECT sellavie_enable_tenancy('activity_entries');

-- Retention deletes by age per business.
CREATE INDEX refresh_tokens_business_created ON refresh_tokens (business_id, created_at);
