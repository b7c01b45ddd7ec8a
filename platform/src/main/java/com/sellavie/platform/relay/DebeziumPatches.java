package com.sellavie.platform.relay;

import io.debezium.connector.base.ChangeEventQueue;
import io.debezium.connector.postgresql.PostgresStreamingChangeEventSource;
import io.debezium.pipeline.meters.CommonEventMeter;
import java.security.CodeSource;
import java.util.List;
import java.util.Objects;

/**
 * The Debezium classes platform carries patched copies of, and whether each was loaded from platform rather
 * than from Debezium's jar: {@link ChangeEventQueue} (a queued change is handed over at once, and an idle poll waits
 * without spinning through its last millisecond with the queue's lock held), {@link PostgresStreamingChangeEventSource}
 * (the idle WAL reader waits on its connection's socket, {@link WalArrival}, instead of timed reads and sleeps) and
 * {@link CommonEventMeter} (the last event's summary is formatted when read, not per event). The copies win because platform precedes Debezium on every classpath
 * a service is built with; a repackaging that changed that order would bring the costs back, so the relay
 * says so at start.
 */
final class DebeziumPatches {

    static final List<Class<?>> PATCHED = List.of(ChangeEventQueue.class, PostgresStreamingChangeEventSource.class,
            CommonEventMeter.class);

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
