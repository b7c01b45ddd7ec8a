-- The contact a notification is about, when the event named one (handoff alerts): a privacy erasure of
-- that contact deletes their notifications. Message previews are found by the sender in the reference.
ALTER TABLE notifications ADD COLUMN contact_id uuid;
CREATE INDEX notifications_contact_idx ON notifications (business_id, contact_id) WHERE contact_id IS NOT NULL;
