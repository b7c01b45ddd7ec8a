-- Send engines for Messenger and WhatsApp, team replies and outbound images (issue 8, slice "send").
ALTER TABLE messages
    -- (author_id, the member who wrote a MEMBER message, comes with V5.)
    -- An https link to an image sent with (WhatsApp: captioned by text) or as the message.
    ADD COLUMN image_url           text,
    -- A WhatsApp template sent instead of text (outside the 24 h customer service window): its name,
    -- language code and body parameters in order.
    ADD COLUMN template_name       text,
    ADD COLUMN template_language   text,
    ADD COLUMN template_parameters text[];

-- "When did the customer last write?" (the messaging windows), at send time and for team replies.
CREATE INDEX messages_inbound_recent_idx ON messages (conversation_id, sent_at DESC) WHERE direction = 'INBOUND';
