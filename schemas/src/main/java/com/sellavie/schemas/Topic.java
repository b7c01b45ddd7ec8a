package com.sellavie.schemas;

import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka topic, declared once: its name, its key (always the aggregate id, as a string), the
 * event types it may carry, and whether it is compacted.
 */
public record Topic(String name, String keyDescription, boolean compacted,
        List<Class<? extends SpecificRecord>> valueTypes) {

    public Topic {
        valueTypes = List.copyOf(valueTypes);
    }

    /** Dead-letter topic where records this topic's consumers could not handle end up. */
    public String deadLetterTopic() {
        return name + ".dlt";
    }

    /** Kafka's {@code cleanup.policy}: {@code compact} keeps the latest record per key, {@code delete} ages records out. */
    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }

    public boolean carries(Class<? extends SpecificRecord> type) {
        return valueTypes.contains(type);
    }

    /** Registry subject of one of this topic's event types: {@code <topic>-<record full name>}. */
    public String subjectFor(Class<? extends SpecificRecord> type) {
        if (!carries(type)) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not an event of topic " + name);
        }
        return name + "-" + SpecificData.get().getSchema(type).getFullName();
    }

    /** Every registry subject of this topic, one per event type. */
    public Set<String> subjects() {
        return Set.copyOf(valueTypes.stream().map(this::subjectFor).toList());
    }
}
