package com.sellavie.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Where a record's eventId is: the {@code eventId} header the relay sets, else the event's own field. */
public final class EventIds {

    /** Kafka header carrying the event's id, as a UUID string. */
    public static final String HEADER = "eventId";

    private EventIds() {
    }

    public static UUID of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        if (header != null && header.value() != null && header.value().length > 0) {
            return UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
        }
        if (record.value() instanceof SpecificRecord event) {
            Schema.Field field = event.getSchema().getField("eventId");
            Object value = field == null ? null : event.get(field.pos());
            if (value != null) {
                return value instanceof UUID id ? id : UUID.fromString(value.toString());
            }
        }
        throw new IllegalArgumentException("Record " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " has no eventId (neither an " + HEADER + " header nor an eventId field)");
    }
}
