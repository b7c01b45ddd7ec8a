-- Issue 8, sandbox: the channel type of the conversation an order came from (from the CHECKOUT reply's
-- ReplyGenerated.channelType; null for orders placed before it was carried). SANDBOX orders (a member trying
-- the assistant) are left out of revenue and conversion.
ALTER TABLE orders ADD COLUMN channel_type text;
