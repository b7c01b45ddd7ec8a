-- The routing table: which business owns the channel a webhook names. Built from ChannelConnected /
-- ChannelDisconnected (conversation.channels); read by the webhook path through the global lookup
-- "route-by-channel-id" (a webhook has no tenant until this table gives it one).
CREATE TABLE channel_routes (
    channel_id           uuid        PRIMARY KEY,   -- Sellavie's channel id (the event key)
    business_id          uuid        NOT NULL,      -- the tenant that owns the channel
    channel_type         text        NOT NULL,      -- INSTAGRAM, MESSENGER or WHATSAPP
    external_id          text        NOT NULL,      -- IG account id, Page id or WhatsApp phone_number_id
    page_id              text,                      -- Instagram: the linked Facebook Page
    waba_id              text,                      -- WhatsApp: the business account owning the number
    display_phone_number text,                      -- WhatsApp: digits only, as webhooks show it
    active               boolean     NOT NULL,      -- false once disconnected
    changed_at           timestamptz NOT NULL       -- occurredAt of the last event applied: older ones are ignored
);

CREATE INDEX channel_routes_by_external_id ON channel_routes (channel_type, external_id) WHERE active;
CREATE INDEX channel_routes_by_display_number ON channel_routes (display_phone_number)
    WHERE active AND channel_type = 'WHATSAPP';
CREATE INDEX channel_routes_by_waba_id ON channel_routes (waba_id) WHERE active AND channel_type = 'WHATSAPP';

SELECT sellavie_enable_tenancy('channel_routes');
