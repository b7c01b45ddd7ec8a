package com.sellavie.platform.relay;

import com.sellavie.schemas.EventHeaders;
import io.debezium.connector.postgresql.RelaySourceInfoStructMaker;
import java.util.Properties;

/**
 * The Debezium embedded engine's configuration for one database's outbox: pgoutput over the
 * migration-made publication (inserts only), no snapshot, the Outbox Event Router routing by the
 * {@code topic} column with {@code aggregate_id} as key and the Avro bytes as value, and offsets in
 * the database itself so every instance resumes from the same place.
 */
final class DebeziumOutboxConfig {

    static final String EVENT_ID_HEADER = EventHeaders.EVENT_ID;
    static final String EVENT_TYPE_HEADER = EventHeaders.EVENT_TYPE;
    static final String BUSINESS_ID_HEADER = EventHeaders.BUSINESS_ID;
    static final String TRACEPARENT_HEADER = EventHeaders.TRACEPARENT;
    /** The source offset's commit time of a change's transaction (microseconds), for the relay's checkpoint. */
    static final String COMMIT_TIME_OFFSET = "ts_usec";

    private DebeziumOutboxConfig() {
    }

    static Properties of(RelayDatabase db, RelayProperties settings, String slotName) {
        Properties p = new Properties();
        p.setProperty("name", "sellavie-outbox-relay");
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        // Names the heartbeat topic and keys the stored offsets: stable per database, shared by all instances.
        p.setProperty("topic.prefix", slotName);

        p.setProperty("database.hostname", db.host());
        p.setProperty("database.port", Integer.toString(db.port()));
        p.setProperty("database.dbname", db.name());
        p.setProperty("database.user", db.user());
        p.setProperty("database.password", db.password() == null ? "" : db.password());
        db.sslMode().ifPresent(mode -> p.setProperty("database.sslmode", mode));

        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", slotName);
        // Right after a leader dies PostgreSQL may still report its slot active for a moment.
        p.setProperty("slot.max.retries", "20");
        p.setProperty("slot.retry.delay.ms", "500");
        p.setProperty("publication.name", settings.getPublicationName());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public.outbox");
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("binary.handling.mode", "bytes");
        // The change's source struct without its sequence, which Debezium renders with Jackson per change and nothing reads.
        p.setProperty("sourceinfo.struct.maker", RelaySourceInfoStructMaker.class.getName());
        p.setProperty("poll.interval.ms", Long.toString(settings.getPollInterval().toMillis()));
        p.setProperty("max.batch.size", Integer.toString(settings.getMaxBatchSize()));
        p.setProperty("max.queue.size", Integer.toString(Math.max(settings.getMaxQueueSize(), settings.getMaxBatchSize() + 1)));
        p.setProperty("heartbeat.interval.ms", Long.toString(settings.getHeartbeatInterval().toMillis()));

        p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        p.setProperty("offset.storage.jdbc.connection.url", db.jdbcUrl());
        p.setProperty("offset.storage.jdbc.connection.user", db.user());
        p.setProperty("offset.storage.jdbc.connection.password", db.password() == null ? "" : db.password());
        p.setProperty("offset.storage.jdbc.table.name", settings.getOffsetsTable());
        p.setProperty("offset.flush.interval.ms", Long.toString(settings.getOffsetFlushInterval().toMillis()));
        p.setProperty("offset.flush.timeout.ms", "5000");
        // A stop must finish within seconds (a service has 10 s to stop): in-flight records get 1 s; what
        // was acknowledged is flushed, the rest is read again from the slot.
        p.setProperty("record.processing.shutdown.timeout.ms", "1000");

        p.setProperty("transforms", "outbox");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.table.field.event.id", "id");
        p.setProperty("transforms.outbox.table.field.event.key", "aggregate_id");
        p.setProperty("transforms.outbox.table.field.event.payload", "payload");
        p.setProperty("transforms.outbox.table.expand.json.payload", "false");
        p.setProperty("transforms.outbox.route.by.field", "topic");
        p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        p.setProperty("transforms.outbox.table.fields.additional.placement",
                "id:header:" + EVENT_ID_HEADER
                        + ",event_type:header:" + EVENT_TYPE_HEADER
                        + ",business_id:header:" + BUSINESS_ID_HEADER
                        + ",traceparent:header:" + TRACEPARENT_HEADER);
        return p;
    }
}
