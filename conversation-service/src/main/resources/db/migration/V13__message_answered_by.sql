-- Which provider and model wrote an assistant reply (from its ReplyGenerated), so the console can label
-- it "answered by". Null for every other message and for replies recorded before this version.
ALTER TABLE messages
    ADD COLUMN answered_by_provider text,
    ADD COLUMN answered_by_model    text,
    ADD COLUMN answered_offline     boolean;
