-- The transactional outbox. A service inserts one row per event in the same transaction as its
-- state change and deletes it again before commit: the row never stays, but its INSERT reaches the
-- write-ahead log, which the relay (Debezium, pgoutput) streams to Kafka.
CREATE TABLE outbox (
    id             uuid        PRIMARY KEY,          -- the event's eventId
    topic          text        NOT NULL,             -- Kafka topic the relay routes the event to
    aggregate_id   text        NOT NULL,             -- Kafka record key
    event_type     text        NOT NULL,             -- Avro record simple name, e.g. InboundMessageReceived
    business_id    uuid,                             -- the tenant, when the event has one
    correlation_id text,
    traceparent    text,                             -- W3C trace context of the span that wrote the event
    payload        bytea       NOT NULL,             -- Confluent-format Avro bytes, relayed unchanged
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- Only inserts are published: the deletes that follow them would double the WAL to decode and be
-- ignored by the Outbox Event Router anyway. The relay never creates or alters this publication.
CREATE PUBLICATION sellavie_outbox FOR TABLE outbox WITH (publish = 'insert');

-- Debezium's JdbcOffsetBackingStore keeps the relay's position here (shared by every instance of the
-- service). Its own DDL, declared here so the schema is owned by migrations rather than created at run time.
CREATE TABLE relay_offsets (
    id                varchar(36)   NOT NULL PRIMARY KEY,
    offset_key        varchar(1255),
    offset_val        varchar(1255),
    record_insert_ts  timestamp     NOT NULL,
    record_insert_seq integer       NOT NULL
);
