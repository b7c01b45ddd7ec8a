-- A contact's live event fired on any change but updated_at, so the profile refresh queue's own
-- bookkeeping (claiming a contact, scheduling its next fetch, counting failures) told every open console
-- to refetch the contact's conversations: 1.5 such events per DM in the benchmark, none showing anything
-- new. Those columns are left out now, like the messages' lease columns; what the console shows (name,
-- username, picture, notes, consent...) still fires.
CREATE OR REPLACE FUNCTION live_events_on_contact() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    conversation record;
BEGIN
    IF to_jsonb(OLD) - 'updated_at' - 'profile_due_at' - 'profile_failures' - 'profile_lease_owner'
            - 'profile_lease_until'
        IS DISTINCT FROM to_jsonb(NEW) - 'updated_at' - 'profile_due_at' - 'profile_failures'
            - 'profile_lease_owner' - 'profile_lease_until' THEN
        FOR conversation IN SELECT id, mode FROM conversations WHERE contact_id = NEW.id LOOP
            PERFORM live_event_append(NEW.business_id, 'conversation', conversation.id, NULL, conversation.mode);
        END LOOP;
    END IF;
    RETURN NULL;
END
$fn$;
