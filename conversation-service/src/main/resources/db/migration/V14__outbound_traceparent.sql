-- The W3C traceparent of the span that queued an outbound message (the assistant's reply arriving, a
-- team member's request): the scheduler's worker sends it later, on another thread, and continues that
-- trace so the Send API call is part of the customer's journey. Null when there was no span.
ALTER TABLE messages ADD COLUMN traceparent text;
