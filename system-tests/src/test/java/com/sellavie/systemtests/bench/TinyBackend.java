package com.sellavie.systemtests.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The smallest service the gateway can sit in front of: the JDK's HTTP server answering every path
 * with a fixed small JSON body, and {@code /.well-known/jwks.json} with a JWKS. Cheap on purpose, so
 * that what a benchmark sees through the gateway minus what it sees here directly is the gateway.
 */
final class TinyBackend implements AutoCloseable {

    private static final byte[] OK = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    TinyBackend(String jwks) throws IOException {
        byte[] jwksBytes = jwks.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/", exchange -> answer(exchange, OK));
        server.createContext("/.well-known/jwks.json", exchange -> answer(exchange, jwksBytes));
        server.setExecutor(workers);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
