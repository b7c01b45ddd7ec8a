package com.sellavie.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a loopback port in front of a real server (PostgreSQL, Kafka, the registry), to make
 * network faults in tests without mocking anything:
 * <ul>
 *   <li>{@link #cut()}: every connection is reset and new ones are refused, as when a host goes down;</li>
 *   <li>{@link #blackhole()}: connections stay open but no byte passes either way, as in a network
 *       partition (neither side sees a reset; only timeouts and keepalives can tell);</li>
 *   <li>{@link #restore()}: traffic flows again (connections reset by {@code cut} stay closed).</li>
 * </ul>
 * Point the component under test at {@code 127.0.0.1:}{@link #port()}.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { OPEN, CUT, BLACKHOLE }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Mode mode = Mode.OPEN;
    private volatile boolean closed;

    private TcpProxy(String host, int port, int localPort) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.server = new ServerSocket(localPort, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy to {@code host:port} on a free loopback port. */
    public static TcpProxy to(String host, int port) {
        return listeningOn(0, host, port);
    }

    /**
     * A proxy to {@code host:port} on the given loopback port (0: any free one). For servers that
     * must name the proxy's address before the proxy can exist, e.g. a Kafka broker advertising it
     * (clients connect to the advertised address, not to the bootstrap one).
     */
    public static TcpProxy listeningOn(int localPort, String host, int port) {
        try {
            return new TcpProxy(host, port, localPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        mode = Mode.CUT;
        links.forEach(Link::close);
        links.clear();
    }

    /** Keeps connections open but passes no byte, either way, until {@link #restore()}. */
    public void blackhole() {
        mode = Mode.BLACKHOLE;
    }

    public void restore() {
        mode = Mode.OPEN;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Connections accepted since the proxy started (including those closed since). */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Connections currently open through the proxy. */
    public int openConnections() {
        return links.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        links.forEach(Link::close);
        restore();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            if (mode == Mode.CUT) {
                reset(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                Link link = new Link(client, upstream);
                links.add(link);
                link.start();
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** Waits while traffic is held back; returns false once the proxy was cut or closed. */
    private boolean awaitFlowing() {
        synchronized (this) {
            while (mode == Mode.BLACKHOLE && !closed) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return mode == Mode.OPEN && !closed;
    }

    private final class Link {

        private final Socket client;
        private final Socket upstream;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() throws IOException {
            pump(client.getInputStream(), upstream.getOutputStream(), "up");
            pump(upstream.getInputStream(), client.getOutputStream(), "down");
        }

        private void pump(InputStream in, OutputStream out, String direction) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        // In a blackhole the bytes already read are held, then delivered if traffic is restored.
                        if (!awaitFlowing()) {
                            break;
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (SocketException closedOrReset) {
                    // the other side or cut() closed the link
                } catch (IOException e) {
                    // same: the link is over
                } finally {
                    close();
                }
            }, "tcp-proxy-" + port() + "-" + direction);
            thread.setDaemon(true);
            thread.start();
        }

        void close() {
            reset(client);
            reset(upstream);
            links.remove(this);
        }
    }
}
