-- Public comments and private replies (issue 8 item 12, README "Comments").
ALTER TABLE messages
    -- MESSAGE (a DM) or COMMENT (the customer's public comment on a post: external_message_id is Meta's
    -- comment id). A comment never opens the 24 h messaging window.
    ADD COLUMN kind                   text NOT NULL DEFAULT 'MESSAGE',
    -- On a COMMENT: the post (Facebook post_id, Instagram media id) and the comment it answers in a thread.
    ADD COLUMN comment_post_id        text,
    ADD COLUMN comment_parent_id      text,
    -- On a COMMENT: the ReplyRequested it caused; the assistant's answer to that request is its private reply.
    ADD COLUMN reply_request_id       uuid,
    -- On an OUTBOUND private reply: the comment it answers (the Send API's recipient.comment_id) and
    -- when Meta stops accepting it (7 days after the comment).
    ADD COLUMN private_reply_to       text,
    ADD COLUMN private_reply_deadline timestamptz,
    ADD CONSTRAINT messages_kind_check CHECK (kind IN ('MESSAGE', 'COMMENT'));

-- Meta accepts one private reply per comment: a second one is never even queued.
CREATE UNIQUE INDEX messages_private_reply_key ON messages (business_id, private_reply_to)
    WHERE private_reply_to IS NOT NULL;
CREATE INDEX messages_reply_request_idx ON messages (business_id, reply_request_id)
    WHERE reply_request_id IS NOT NULL;

-- "Answer comments with a private message", per business; a business without a row has it off.
CREATE TABLE comment_settings (
    business_id     uuid PRIMARY KEY,
    private_replies boolean     NOT NULL,
    updated_at      timestamptz NOT NULL
);
SELECT sellavie_enable_tenancy('comment_settings');
