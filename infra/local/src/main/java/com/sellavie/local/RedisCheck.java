package com.sellavie.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The local stack uses the machine's Redis (the access-token denylist; every service fails closed
 * without it): before anything starts, check that it answers {@code PING}, or say how to fix it.
 */
final class RedisCheck {

    static final String DEFAULT_URL = "redis://localhost:6379";
    private static final int TIMEOUT_MILLIS = 1_000;

    private RedisCheck() {
    }

    /** Throws with a one-line cause and fix when {@code url} does not answer PING. */
    static void require(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[64];
            int read = in.read(answer);
            String text = read <= 0 ? "" : new String(answer, 0, read, StandardCharsets.US_ASCII);
            // +PONG, or -NOAUTH when a password is needed (then the URL must carry it; the services will say).
            if (!text.startsWith("+PONG") && !text.startsWith("-NOAUTH")) {
                throw new IllegalStateException("Redis at " + host + ":" + port + " answered '" + text.strip()
                        + "' to PING");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Redis is not reachable at " + host + ":" + port + " ("
                    + e.getClass().getSimpleName() + "). It is a prerequisite (the access-token denylist): start it"
                    + " (e.g. `sudo apt-get install redis-server` / `redis-server --daemonize yes`) or set"
                    + " SELLAVIE_REDIS_URL", e);
        }
    }
}
