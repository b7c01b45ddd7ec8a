package com.sellavie.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A tiny HTTP upstream standing in for one service: reads each request in full, answers its name and records what
 * reached it. Its readiness ({@code /actuator/health/readiness}, which is not recorded) answers 200, or 503 while
 * {@link #ready(boolean) not ready}, as a replica that is starting or draining does.
 */
public final class StubService implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Integer> receivedBodySizes = new CopyOnWriteArrayList<>();
    private final List<String> receivedForwardedFor = new CopyOnWriteArrayList<>();
    private volatile boolean ready = true;

    public StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(ready ? 200 : 503, -1);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
            receivedBodySizes.add(exchange.getRequestBody().readAllBytes().length);
            receivedForwardedFor.add(String.join(" | ", exchange.getRequestHeaders()
                    .getOrDefault("X-Forwarded-For", List.of())));
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /**
     * Routes {@code service} (conversation, commerce, ...) over these instances, as the local stack's
     * {@code --replicas} does: its URL {@code lb://<service>} and each instance listed for Spring Cloud's simple
     * discovery client.
     */
    public static void registerInstances(DynamicPropertyRegistry registry, String service, StubService... instances) {
        registry.add("SELLAVIE_" + service.toUpperCase(Locale.ROOT) + "_URL", () -> "lb://" + service);
        for (int i = 0; i < instances.length; i++) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[" + i + "].uri",
                    instances[i]::url);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether its readiness check answers 200 (true, the default) or 503. */
    public void ready(boolean ready) {
        this.ready = ready;
    }

    String name() {
        return name;
    }

    /** "METHOD /raw/path" of each request that reached this service. */
    public List<String> received() {
        return received;
    }

    /** The body size of each request that reached this service, in bytes (read in full). */
    public List<Integer> receivedBodySizes() {
        return receivedBodySizes;
    }

    /** Every {@code X-Forwarded-For} value of each request that reached this service, joined by " | ". */
    public List<String> receivedForwardedFor() {
        return receivedForwardedFor;
    }

    public void forget() {
        receivedForwardedFor.clear();
        received.clear();
        receivedBodySizes.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
