package com.sellavie.schemas.catalog;

import com.sellavie.schemas.history.SchemaHistory;
import java.nio.file.Path;

/**
 * Writes docs/events (the AsyncAPI document and the readable page) from the current contracts. Run it
 * from the repository root after changing an event or a topic:
 * {@code ./mvnw -B -o -q -pl schemas test-compile exec:java@event-catalog}
 * Arguments: the history directory, the output directory.
 */
public final class GenerateEventCatalog {

    private GenerateEventCatalog() {
    }

    public static void main(String[] args) {
        Path history = args.length > 0 ? Path.of(args[0]) : SchemaHistory.MODULE_DIR;
        Path output = args.length > 1 ? Path.of(args[1]) : EventCatalog.MODULE_OUTPUT;
        EventCatalog.write(output, new SchemaHistory(history));
    }
}
