-- In-app notifications for a business's team (the console's bell). Tenant-owned: row-level security.
CREATE TABLE notifications (
    id          uuid        PRIMARY KEY,          -- UUIDv7: sorts by creation time
    business_id uuid        NOT NULL,
    kind        text        NOT NULL,             -- NotificationKind, e.g. NEW_MESSAGE
    title       text        NOT NULL,
    body        text        NOT NULL,             -- short preview, at most 140 characters
    reference   text        NOT NULL,             -- what it is about, e.g. INSTAGRAM/<account>/<sender>/<mid>
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz,
    -- Meta redelivers webhooks and ingest may then publish the same message under a new eventId:
    -- one notification per thing it is about, whatever the inbox saw.
    CONSTRAINT notifications_one_per_reference UNIQUE (business_id, kind, reference)
);

CREATE INDEX notifications_newest_first ON notifications (business_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_newest_first ON notifications (business_id, created_at DESC, id DESC)
    WHERE read_at IS NULL;

SELECT sellavie_enable_tenancy('notifications');
