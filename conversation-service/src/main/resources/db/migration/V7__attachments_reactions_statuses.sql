-- Inbound richness and delivery statuses (issue 8 items 5-6, slice "delivery").
ALTER TABLE messages
    -- What a customer sent beside or instead of text, as ingest gave it: [{type, url, mediaId, caption}]
    -- (plus {type: "story_reply", url, id} and {type: "location", latitude, longitude, name, address}).
    -- Outbound images stay in image_url.
    ADD COLUMN attachments          jsonb NOT NULL DEFAULT '[]'::jsonb,
    -- The customer's reaction to this message (one per message: the customer is the conversation's only
    -- other party), and when Meta says it was made: an older reaction event never replaces a newer one.
    ADD COLUMN customer_reaction    text,
    ADD COLUMN customer_reaction_at timestamptz;
-- delivery_status for OUTBOUND rows gains DELIVERED and READ (from Meta's status webhooks).

-- Statuses name Meta's message id; watermarks name a conversation's outbound messages up to an instant.
CREATE INDEX messages_outbound_sent_idx ON messages (conversation_id, sent_at)
    WHERE direction = 'OUTBOUND' AND external_message_id IS NOT NULL;
