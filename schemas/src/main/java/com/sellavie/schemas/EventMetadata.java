package com.sellavie.schemas;

import com.github.f4b6a3.uuid.UuidCreator;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The five fields every event carries at its top level, read from any event by field name (the
 * platform's outbox copies them into Kafka headers without knowing the event type), and the way new
 * ones are made.
 *
 * @param eventId       UUIDv7: unique, and ordered by creation time
 * @param occurredAt    when the fact happened
 * @param businessId    the tenant ({@link #NO_BUSINESS} when none could be found)
 * @param correlationId shared by every event of one journey
 * @param causationId   eventId of the event that caused this one; null at the start of a journey
 */
public record EventMetadata(UUID eventId, Instant occurredAt, UUID businessId, String correlationId,
        String causationId) {

    public static final String EVENT_ID = "eventId";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String BUSINESS_ID = "businessId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    /** The field names, in the order every contract declares them. */
    public static final List<String> FIELDS = List.of(EVENT_ID, OCCURRED_AT, BUSINESS_ID, CORRELATION_ID,
            CAUSATION_ID);

    /** businessId of an event no tenant could be found for (e.g. {@code UnroutableWebhook}). */
    public static final UUID NO_BUSINESS = new UUID(0, 0);

    public EventMetadata {
        Objects.requireNonNull(eventId, EVENT_ID);
        Objects.requireNonNull(occurredAt, OCCURRED_AT);
        Objects.requireNonNull(businessId, BUSINESS_ID);
        Objects.requireNonNull(correlationId, CORRELATION_ID);
    }

    /** A new event id: a UUIDv7, so ids sort by creation time and index well. */
    public static UUID newEventId() {
        return UuidCreator.getTimeOrderedEpoch();
    }

    /** Metadata of the first event of a journey: its own id is the correlation id, nothing caused it. */
    public static EventMetadata startOfJourney(UUID businessId, Instant occurredAt) {
        UUID eventId = newEventId();
        return new EventMetadata(eventId, occurredAt, businessId, eventId.toString(), null);
    }

    /** Metadata of an event caused by {@code cause}: same tenant and journey, caused by its eventId. */
    public static EventMetadata causedBy(EventMetadata cause, Instant occurredAt) {
        return new EventMetadata(newEventId(), occurredAt, cause.businessId(), cause.correlationId(),
                cause.eventId().toString());
    }

    /**
     * Reads the five fields of any Sellavie event, generated class or generic record alike.
     *
     * @throws IllegalArgumentException when {@code event} lacks one of them (it is not a Sellavie event)
     */
    public static EventMetadata of(IndexedRecord event) {
        return new EventMetadata(
                uuid(value(event, EVENT_ID)),
                instant(value(event, OCCURRED_AT)),
                uuid(value(event, BUSINESS_ID)),
                string(value(event, CORRELATION_ID)),
                string(value(event, CAUSATION_ID)));
    }

    /**
     * The event's type as the {@code eventType} header and logs name it: the Avro record's simple
     * name ({@code InboundMessageReceived}), unique across topics and never a Java package path.
     */
    public static String eventType(IndexedRecord event) {
        return event.getSchema().getName();
    }

    private static Object value(IndexedRecord event, String name) {
        Schema.Field field = event.getSchema().getField(name);
        if (field == null) {
            throw new IllegalArgumentException(event.getSchema().getFullName() + " has no field " + name
                    + ": every event must carry " + FIELDS);
        }
        return event.get(field.pos());
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID uuid ? uuid : value == null ? null : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        return value instanceof Long millis ? Instant.ofEpochMilli(millis) : (Instant) value;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
