-- The team of each business as identity.members tells it (ids and roles; identity keeps the addresses),
-- so alerts know whom to email. Tenant-owned: row-level security.
CREATE TABLE members (
    business_id uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    role        text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (business_id, user_id)
);
SELECT sellavie_enable_tenancy('members');

-- How each member wants each alert kind: IN_APP, EMAIL (in-app and email) or OFF. A kind without a row
-- takes its default (AlertPreferences). Kept when a member leaves and comes back.
CREATE TABLE notification_preferences (
    business_id uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    kind        text        NOT NULL,
    channel     text        NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL', 'OFF')),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (business_id, user_id, kind)
);
SELECT sellavie_enable_tenancy('notification_preferences');
