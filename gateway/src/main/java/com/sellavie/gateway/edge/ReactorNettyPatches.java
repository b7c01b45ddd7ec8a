package com.sellavie.gateway.edge;

import java.security.CodeSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Reactor Netty class the gateway carries a patched copy of: {@code reactor.netty.http.server.HttpTrafficHandler},
 * whose 1.3.6 original stops reading a keep-alive connection after a request that arrived while the previous
 * one was finishing is answered at once (reactor/reactor-netty#4361): the client's next request on that
 * connection waits for ever. The copy wins because the gateway's own classes precede its libraries on every
 * classpath it runs with (the Boot jar, the extracted jar, the test classpath); a repackaging that changed the
 * order would bring the stall back, so the gateway says so at start.
 */
@Component
class ReactorNettyPatches {

    static final String PATCHED = "reactor.netty.http.server.HttpTrafficHandler";

    private static final Logger log = LoggerFactory.getLogger(ReactorNettyPatches.class);

    /** Whether the patched copy is the class loaded, i.e. it came from where this class came from. */
    static boolean active() {
        try {
            Class<?> loaded = Class.forName(PATCHED, false, ReactorNettyPatches.class.getClassLoader());
            return Objects.equals(location(loaded), location(ReactorNettyPatches.class));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void warnIfNotActive() {
        if (!active()) {
            log.warn("{} was loaded from Reactor Netty's jar, not from the gateway's patched copy: keep-alive"
                    + " connections can stop being read (reactor/reactor-netty#4361); put the gateway's classes"
                    + " before its libraries on the classpath", PATCHED);
        }
    }

    private static Object location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }
}
