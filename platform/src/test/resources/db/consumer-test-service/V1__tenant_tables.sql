-- The consumer test service's tables: both tenant-owned, marked the way every service marks its own.
CREATE TABLE notes (
    id          bigserial PRIMARY KEY,
    business_id uuid NOT NULL,
    body        text NOT NULL
);
SELECT sellavie_enable_tenancy('notes');

-- One row per applied event. Deliberately no unique constraint on event_id: only the inbox keeps a
-- redelivered event from adding a second row.
CREATE TABLE deliveries (
    id          bigserial PRIMARY KEY,
    business_id uuid NOT NULL,
    event_id    uuid NOT NULL,
    text        text
);
SELECT sellavie_enable_tenancy('deliveries');
