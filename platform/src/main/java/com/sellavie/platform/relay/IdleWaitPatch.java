package com.sellavie.platform.relay;

import io.debezium.connector.base.ChangeEventQueue;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Whether Debezium's {@link ChangeEventQueue} was loaded from platform's patched copy (an idle poll waits
 * out its last millisecond instead of spinning through it with the queue's lock held) rather than from
 * Debezium's jar. The copy wins because platform precedes Debezium on every classpath a service is built
 * with; a repackaging that changed that order would bring the spin back, so the relay says so at start.
 */
final class IdleWaitPatch {

    private IdleWaitPatch() {
    }

    static boolean active() {
        return Objects.equals(location(ChangeEventQueue.class), location(IdleWaitPatch.class));
    }

    static String loadedFrom() {
        return String.valueOf(location(ChangeEventQueue.class));
    }

    private static Object location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
