package com.sellavie.systemtests.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for processes the harness starts later (services, brokers): free now, and outside the kernel's
 * ephemeral range. A port taken with {@code new ServerSocket(0)} comes from that range, and in the minutes
 * before a service binds it any outgoing connection (a Kafka client, a pooled JDBC connection, the load
 * generator's POSTs) may get it as its local port: the service then fails with "Port ... already in use".
 * A port is handed out once per JVM: two processes given the same free port before either binds it would
 * collide the same way.
 */
public final class ListenPorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private ListenPorts() {
    }

    /** A port below the ephemeral range that nothing listens on now. */
    public static int free() {
        int below = ephemeralLow();
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + below + " after " + ATTEMPTS
                + " tries");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The ephemeral range's first port (Linux's default 32768 where the file is missing). */
    private static int ephemeralLow() {
        try {
            if (Files.isReadable(EPHEMERAL_RANGE)) {
                int low = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
                if (low > LOWEST + 1_000) {
                    return low;
                }
            }
            return 32_768;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
