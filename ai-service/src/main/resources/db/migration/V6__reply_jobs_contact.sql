-- ReplyRequested v2 carries the conversation's contact; the reply (ReplyGenerated.contactId) repeats
-- it so commerce can tie an order to the customer. Kept as a column too (the stored request is
-- cleared once DONE) for operators looking at a job.
ALTER TABLE reply_jobs ADD COLUMN contact_id uuid;
