package com.sellavie.conversation.faults;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Kills this JVM with SIGKILL (no shutdown hooks, no cleanup) at a named point, so the system tests
 * can prove that a crash there loses and duplicates nothing. Configured by
 * {@code sellavie.fault-injection.halt-at} (env {@code SELLAVIE_FAULT_INJECTION_HALT_AT}); unset,
 * as in production, every call is a no-op.
 *
 * <ul>
 *   <li>{@code after-inbound-recorded}: the inbound message and its events are committed, the Kafka
 *       offset is not (the redelivery must change nothing);</li>
 *   <li>{@code after-send-api-answered}: Meta accepted a reply, nothing recorded it yet (the message
 *       must become UNKNOWN, never be sent again).</li>
 * </ul>
 */
@Component
public class FaultInjection {

    public static final String AFTER_INBOUND_RECORDED = "after-inbound-recorded";
    public static final String AFTER_SEND_API_ANSWERED = "after-send-api-answered";
    private static final Set<String> POINTS = Set.of(AFTER_INBOUND_RECORDED, AFTER_SEND_API_ANSWERED);
    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

    private final String haltAt;

    FaultInjection(@Value("${sellavie.fault-injection.halt-at:}") String haltAt) {
        this.haltAt = haltAt == null ? "" : haltAt.trim();
        if (!this.haltAt.isEmpty()) {
            if (!POINTS.contains(this.haltAt)) {
                throw new IllegalStateException("sellavie.fault-injection.halt-at=" + this.haltAt
                        + " is not one of " + POINTS);
            }
            log.warn("FAULT INJECTION ON: this process halts at '{}' (test use only)", this.haltAt);
        }
    }

    public void point(String name) {
        if (haltAt.equals(name)) {
            log.warn("Fault injection: SIGKILL at '{}'", name);
            killSelf();
        }
    }

    /** A real SIGKILL (the JVM cannot refuse or clean up); halt is only the fallback. */
    private static void killSelf() {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start().waitFor();
        } catch (java.io.IOException e) {
            log.warn("kill -KILL failed ({}); halting instead", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(137);
    }
}
