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

-- Contacts are people (issue 8 item 4): their Instagram/Messenger profile, fetched from Meta by a due-time
-- queue (package contact), and what the team knows of them.
ALTER TABLE contacts
    ADD COLUMN username             text,
    ADD COLUMN profile_picture_url  text,
    ADD COLUMN profile_fetched_at   timestamptz,
    -- A team member set the name: Meta's (or WhatsApp's profile) name never replaces it.
    ADD COLUMN name_edited          boolean NOT NULL DEFAULT false,
    ADD COLUMN notes                text,
    -- The refresh queue: when the profile is next due (NULL = never fetched: due now), failures in a row
    -- (the backoff), and the claim of the instance fetching it.
    ADD COLUMN profile_due_at       timestamptz,
    ADD COLUMN profile_failures     int NOT NULL DEFAULT 0,
    ADD COLUMN profile_lease_owner  text,
    ADD COLUMN profile_lease_until  timestamptz;
CREATE INDEX contacts_profile_due_idx ON contacts (profile_due_at);
