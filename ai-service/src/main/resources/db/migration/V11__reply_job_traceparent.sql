-- The W3C traceparent of the ReplyRequested listener's span that recorded the job: the worker that
-- answers it later, on another thread, continues that trace (conversation -> ai -> conversation in one
-- trace). Null when there was no span.
ALTER TABLE reply_jobs ADD COLUMN traceparent text;
