package com.sellavie.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port where nothing listens, held for as long as a test needs it: every connection to it is refused,
 * and no other process can start listening on it meanwhile. A port taken with {@code new ServerSocket(0)} and
 * released is free again at once, and in a build whose modules test side by side another JVM's server (a stub
 * answering 429, a broker) can be handed it and answer in its place. The socket here is bound without
 * {@code SO_REUSEADDR} and never listens: Linux then refuses connections to the port (RST) and every bind to it.
 */
public final class RefusingPort implements AutoCloseable {

    private final Socket held;

    private RefusingPort(Socket held) {
        this.held = held;
    }

    public static RefusingPort open() {
        Socket socket = new Socket();
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new RefusingPort(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("Could not hold a loopback port", e);
        }
    }

    public int port() {
        return held.getLocalPort();
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() {
        try {
            held.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
