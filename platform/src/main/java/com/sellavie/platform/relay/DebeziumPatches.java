package com.sellavie.platform.relay;

import io.debezium.connector.base.ChangeEventQueue;
import io.debezium.pipeline.meters.CommonEventMeter;
import java.security.CodeSource;
import java.util.List;
import java.util.Objects;

/**
 * The Debezium classes platform carries patched copies of, and whether each was loaded from platform rather
 * than from Debezium's jar: {@link ChangeEventQueue} (an idle poll waits out its last millisecond instead of
 * spinning through it with the queue's lock held) and {@link CommonEventMeter} (the last event's summary is
 * formatted when read, not per event). The copies win because platform precedes Debezium on every classpath
 * a service is built with; a repackaging that changed that order would bring the costs back, so the relay
 * says so at start.
 */
final class DebeziumPatches {

    static final List<Class<?>> PATCHED = List.of(ChangeEventQueue.class, CommonEventMeter.class);

    private DebeziumPatches() {
    }

    /** The patched classes loaded from somewhere else than platform, each with where it came from. */
    static List<String> notActive() {
        return PATCHED.stream()
                .filter(type -> !Objects.equals(location(type), location(DebeziumPatches.class)))
                .map(type -> type.getSimpleName() + " from " + location(type))
                .toList();
    }

    private static Object location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
