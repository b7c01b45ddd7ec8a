package com.sellavie.schemas.history;

import com.sellavie.schemas.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release step of a contract change: records each event's current schema as its next history
 * version when it differs from the latest one, and refuses (writing nothing) if any change breaks
 * FULL_TRANSITIVE compatibility. Run it from /work/main (see schemas/README.md):
 * {@code ./mvnw -B -o -q -pl schemas test-compile exec:java@snapshot-history}
 */
public final class SnapshotSchemaHistory {

    private static final Logger log = LoggerFactory.getLogger(SnapshotSchemaHistory.class);

    private SnapshotSchemaHistory() {
    }

    public static void main(String[] args) {
        SchemaHistory history = new SchemaHistory(args.length > 0 ? Path.of(args[0]) : SchemaHistory.MODULE_DIR);
        List<String> problems = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            Schema current = SpecificData.get().getSchema(type);
            problems.addAll(CompatibilityGate.problems(current, history.versionsOf(current.getName())));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> log.error("Incompatible: {}", p));
            throw new IllegalStateException(problems.size() + " incompatible change(s); nothing snapshotted. "
                    + "Make the change compatible (new fields with defaults, no removals of fields without "
                    + "defaults, no type changes), or publish it as a new event type.");
        }
        for (Class<? extends SpecificRecord> type : Topics.eventTypes()) {
            history.snapshot(SpecificData.get().getSchema(type)).ifPresentOrElse(
                    file -> log.info("Snapshotted {}", file),
                    () -> log.info("{} unchanged", type.getSimpleName()));
        }
    }
}
