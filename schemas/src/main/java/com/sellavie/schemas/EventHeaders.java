package com.sellavie.schemas;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Kafka headers the outbox relay sets on every event record, and what each means. The relay
 * forwards exactly these (nothing else from its change stream); the event catalog lists them.
 */
public final class EventHeaders {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String BUSINESS_ID = "businessId";
    public static final String TRACEPARENT = "traceparent";

    /** Header name to meaning, in the order the catalog lists them. All values are UTF-8 strings. */
    public static final Map<String, String> DESCRIPTIONS = orderedMap(
            EVENT_ID, "The event's eventId (UUIDv7), as in the payload: consumers' idempotency key.",
            EVENT_TYPE, "The Avro record's simple name (e.g. InboundMessageReceived): which contract the value holds.",
            BUSINESS_ID, "The tenant's business id (UUID), as in the payload; the nil UUID when no tenant could be found.",
            TRACEPARENT, "W3C trace context of the span that wrote the event, so consumers continue its trace. "
                    + "Absent when the producer had no trace.");

    private EventHeaders() {
    }

    /** The header names the relay forwards. */
    public static Set<String> names() {
        return DESCRIPTIONS.keySet();
    }

    /** Present on every record; {@link #TRACEPARENT} may be missing. */
    public static boolean alwaysPresent(String name) {
        return !TRACEPARENT.equals(name);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
