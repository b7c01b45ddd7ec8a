-- The console's live feed (issue 8, slice "live"): every change the console shows, appended by triggers
-- so that no code path can forget it, and announced to each instance's LISTEN connection.
--
-- UNLOGGED: no WAL, so the outbox relay's logical decoding pays nothing for it; a crash empties it, which
-- only makes the consoles refetch (a Last-Event-ID older than what is kept answers `reset`).
CREATE UNLOGGED TABLE live_events (
    id              bigserial PRIMARY KEY,
    business_id     uuid        NOT NULL,
    -- message (a new message: inbound, outbound, note), message-status (its delivery status changed),
    -- conversation (mode, assignment, labels, unread... changed)
    kind            text        NOT NULL,
    conversation_id uuid        NOT NULL,
    message_id      uuid,
    -- A few words for the client: the message's direction, its new delivery status, or the conversation's mode.
    detail          text,
    at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_events_business_idx ON live_events (business_id, id);
CREATE INDEX live_events_at_idx ON live_events (at);
SELECT sellavie_enable_tenancy('live_events');

-- Per business, the largest id the retention purge deleted: a Last-Event-ID below it may have missed
-- events, so the stream answers `reset` instead of a partial replay.
CREATE UNLOGGED TABLE live_event_horizons (
    business_id    uuid PRIMARY KEY,
    purged_through bigint NOT NULL
);
SELECT sellavie_enable_tenancy('live_event_horizons');

-- Appends the row and notifies with the whole event (a few hundred bytes, far under NOTIFY's 8000):
-- listeners then need no query, and an event whose transaction commits after a later id's is still
-- delivered (notifications arrive in commit order; reading "id > last seen" would skip it).
CREATE FUNCTION live_event_append(business uuid, event_kind text, conversation uuid, message uuid, event_detail text)
    RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
    event live_events;
BEGIN
    INSERT INTO live_events (business_id, kind, conversation_id, message_id, detail)
    VALUES (business, event_kind, conversation, message, event_detail)
    RETURNING * INTO event;
    PERFORM pg_notify('live_events', json_build_object(
        'id', event.id, 'businessId', event.business_id, 'kind', event.kind,
        'conversationId', event.conversation_id, 'messageId', event.message_id,
        'detail', event.detail, 'at', event.at)::text);
END
$fn$;

CREATE FUNCTION live_events_on_message() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM live_event_append(NEW.business_id, 'message', NEW.conversation_id, NEW.id, NEW.direction);
    ELSE
        PERFORM live_event_append(NEW.business_id, 'message-status', NEW.conversation_id, NEW.id, NEW.delivery_status);
    END IF;
    RETURN NULL;
END
$fn$;

-- What the console shows of a message after it is written: its status, why it failed, the attempts and
-- the team's resolution. Lease, claim and schedule updates (lease_owner, lease_until, next_attempt_at)
-- change none of these and fire nothing.
CREATE TRIGGER live_events_message_inserted AFTER INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION live_events_on_message();
CREATE TRIGGER live_events_message_changed AFTER UPDATE ON messages
    FOR EACH ROW
    WHEN (OLD.delivery_status IS DISTINCT FROM NEW.delivery_status
        OR OLD.failure_reason IS DISTINCT FROM NEW.failure_reason
        OR OLD.attempts IS DISTINCT FROM NEW.attempts
        OR OLD.resolution IS DISTINCT FROM NEW.resolution
        OR OLD.text IS DISTINCT FROM NEW.text)
    EXECUTE FUNCTION live_events_on_message();

-- A conversation fires on any change but its last activity time (a new message already says that):
-- compared as JSON so the columns other slices add (assignee, labels, unread, ...) are covered
-- without naming them here.
CREATE FUNCTION live_events_on_conversation() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF to_jsonb(OLD) - 'last_message_at' - 'updated_at' IS DISTINCT FROM to_jsonb(NEW) - 'last_message_at' - 'updated_at' THEN
        PERFORM live_event_append(NEW.business_id, 'conversation', NEW.id, NULL, NEW.mode);
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER live_events_conversation_changed AFTER UPDATE ON conversations
    FOR EACH ROW EXECUTE FUNCTION live_events_on_conversation();

-- A contact's name (and whatever else the console shows of a person) appears in each of its conversations.
CREATE FUNCTION live_events_on_contact() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    conversation record;
BEGIN
    IF to_jsonb(OLD) - 'updated_at' IS DISTINCT FROM to_jsonb(NEW) - 'updated_at' THEN
        FOR conversation IN SELECT id, mode FROM conversations WHERE contact_id = NEW.id LOOP
            PERFORM live_event_append(NEW.business_id, 'conversation', conversation.id, NULL, conversation.mode);
        END LOOP;
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER live_events_contact_changed AFTER UPDATE ON contacts
    FOR EACH ROW EXECUTE FUNCTION live_events_on_contact();
