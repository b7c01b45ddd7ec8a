-- MessageContactsListener names each customer message's NEW_MESSAGE preview with its contact. It matched the
-- preview on the start and the end of its reference (channel/account/sender/mid), which no index served, so the
-- UPDATE read every preview the business ever had: each inbound DM cost time in proportion to the business's
-- history (1.1 ms per DM after 1,200 previews per business in the DM bench). A preview now keeps Meta's message id
-- in a column of its own, and the previews still waiting for their contact are indexed by it: one lookup reads one
-- preview's entries, however many previews are kept and however many older row versions wait for VACUUM. (An
-- expression index on the reference would not do: row-level security keeps a non-leakproof function such as
-- regexp_replace out of the index condition.) Previews written before this version have no id here and are no
-- longer named; the erasure of a contact still finds them by their sender (NotificationPrivacy).
-- The index is built in the migration's transaction, not CONCURRENTLY: all or nothing if it fails, at the price of
-- holding the table's writes (the consumers wait, nothing is lost) while the table is read once.
ALTER TABLE notifications ADD COLUMN external_message_id text;
CREATE INDEX notifications_unattributed_previews ON notifications (business_id, external_message_id)
    WHERE kind = 'NEW_MESSAGE' AND contact_id IS NULL;
