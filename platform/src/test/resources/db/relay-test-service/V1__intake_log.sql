-- The relay test service's own table: proves platform migrations run after, and beside, a service's.
CREATE TABLE intake_log (
    external_message_id text PRIMARY KEY
);
