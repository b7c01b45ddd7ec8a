package com.sellavie.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/** Finds, before anything starts, a port the stack wants that something else already holds. */
final class PortConflicts {

    /** A port one component of the stack will listen on, and how a user can avoid the clash. */
    record WantedPort(int port, String component, String howToAvoid) {
    }

    private PortConflicts() {
    }

    /** The first wanted port that is taken, as a one-line cause and fix; empty if all are free. */
    static Optional<String> firstConflict(List<WantedPort> wanted) {
        for (WantedPort port : wanted) {
            if (!isFree(port.port())) {
                return Optional.of(message(port));
            }
        }
        return Optional.empty();
    }

    static String message(WantedPort port) {
        return "Port " + port.port() + " is taken, and " + port.component() + " needs it: stop what holds it"
                + " (see `ss -ltnp 'sport = :" + port.port() + "'`)" + " or " + port.howToAvoid() + ".";
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As the servers themselves bind: connections of a stack stopped a moment ago, still in
            // TIME_WAIT, do not make a port "taken"; a process listening on it still does.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
