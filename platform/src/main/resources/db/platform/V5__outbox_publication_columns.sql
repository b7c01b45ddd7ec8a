-- The publication streams only the columns the relay routes. created_at and correlation_id stay in the
-- table (retention and a republish read created_at by SQL) but no longer reach the write-ahead log's
-- decoder: Debezium parsed every row's created_at into a time and formatted it again as text, a few per
-- cent of a busy service's CPU, for a value the relay now takes from the transaction's commit time.
-- Column lists need PostgreSQL 15; on an inserts-only publication they may leave out the key.
ALTER PUBLICATION sellavie_outbox SET TABLE outbox (id, topic, aggregate_id, event_type, business_id, traceparent, payload);
