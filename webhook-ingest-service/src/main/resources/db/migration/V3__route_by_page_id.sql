-- Instagram webhooks may name the Facebook Page the account is linked to instead of the account:
-- the routing's second layer looks Instagram channels up by page_id.
CREATE INDEX channel_routes_by_page_id ON channel_routes (channel_type, page_id) WHERE active AND page_id IS NOT NULL;
