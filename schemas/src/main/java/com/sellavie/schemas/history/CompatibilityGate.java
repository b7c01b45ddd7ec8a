package com.sellavie.schemas.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * FULL_TRANSITIVE, checked without a registry: the current schema reads data written with every
 * released version (consumers may upgrade first), and every released version reads data written with
 * the current one (producers may upgrade first). The registry enforces the same rule at run time.
 */
public final class CompatibilityGate {

    static final String SNAPSHOT_HINT = "record the release with "
            + "`./mvnw -B -o -q -pl schemas test-compile exec:java@snapshot-history` (see schemas/README.md)";

    private CompatibilityGate() {
    }

    /**
     * The whole gate over {@code currents} (the generated classes' schemas): every event has a history,
     * its current schema is its latest released version (so what services register is on record), and
     * every released version reads, and is read by, every other. Empty when all holds.
     */
    public static List<String> verify(Collection<Schema> currents, SchemaHistory history) {
        List<String> problems = new ArrayList<>();
        for (Schema current : currents) {
            List<Schema> released = history.versionsOf(current.getName());
            if (released.isEmpty()) {
                problems.add(current.getName() + " has no history folder: " + SNAPSHOT_HINT);
                continue;
            }
            for (int i = 1; i < released.size(); i++) {
                problems.addAll(problems(released.get(i), current.getName() + " v" + (i + 1), released.subList(0, i)));
            }
            problems.addAll(problems(current, released));
            if (!SchemaHistory.sameContent(released.getLast(), current)) {
                problems.add(current.getName() + " changed since v" + released.size() + ": " + SNAPSHOT_HINT);
            }
        }
        return problems;
    }

    /** Why {@code current} cannot join {@code released} (oldest first); empty when it can. */
    public static List<String> problems(Schema current, List<Schema> released) {
        return problems(current, "the current " + current.getName(), released);
    }

    private static List<String> problems(Schema candidate, String label, List<Schema> released) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < released.size(); i++) {
            String version = candidate.getName() + " v" + (i + 1);
            check(candidate, released.get(i), label + " cannot read data written with " + version, problems);
            check(released.get(i), candidate, version + " cannot read data written with " + label, problems);
        }
        return problems;
    }

    private static void check(Schema reader, Schema writer, String what, List<String> problems) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            problems.add(what + ": " + result.getResult().getIncompatibilities().stream()
                    .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                    .toList());
        }
    }
}
