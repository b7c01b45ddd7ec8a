-- Every change to the routing table is announced to each instance's LISTEN connection when its transaction
-- commits (NOTIFY is transactional): the instances keep found routes in memory and empty that cache on each
-- announcement (routing.RouteCache). Per statement, with no payload: channels change rarely, and a listener
-- only needs to know that something did.
CREATE FUNCTION channel_routes_announce_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM pg_notify('channel_routes_changed', '');
    RETURN NULL;
END;
$fn$;

CREATE TRIGGER channel_routes_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON channel_routes
    FOR EACH STATEMENT EXECUTE FUNCTION channel_routes_announce_change();
