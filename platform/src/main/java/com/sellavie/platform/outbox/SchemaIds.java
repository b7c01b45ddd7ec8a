package com.sellavie.platform.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wire id of every event schema, by subject, as start-up registration learned them. The
 * outbox's serializer encodes with these without asking the registry, so a service keeps
 * publishing through a registry outage, even an event type it never published before.
 */
final class SchemaIds {

    private final Map<String, Long> bySubject = new ConcurrentHashMap<>();

    void putAll(Map<String, Long> ids) {
        bySubject.putAll(ids);
    }

    /** The id of {@code subject}'s schema, or null when registration has not learned it. */
    Long of(String subject) {
        return bySubject.get(subject);
    }
}
