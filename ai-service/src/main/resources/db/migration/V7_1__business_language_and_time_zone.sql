-- The business's language and time zone from identity's BusinessUpdated (issue 9 item 8): the
-- assistant falls back to the language when the customer's is unclear. Null until the merchant sets them.
ALTER TABLE businesses
    ADD COLUMN language  text,
    ADD COLUMN time_zone text;
