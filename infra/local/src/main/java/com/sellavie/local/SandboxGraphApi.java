package com.sellavie.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Stands in for Meta's Send API when {@code SELLAVIE_META_GRAPH_URL} is not set, so the demo works
 * offline: {@code POST /{version}/me/messages} and {@code /{id}/messages} answer like Meta
 * ({@code recipient_id}, {@code message_id}) and every call is appended to {@code outbound.jsonl}
 * (recipient and text; never the access token).
 */
final class SandboxGraphApi implements AutoCloseable {

    static final String VERSION = "v23.0";
    private static final Pattern SEND_PATH = Pattern.compile("^/[^/]+/[^/]+/messages/?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Path record;
    private final AtomicLong sent = new AtomicLong();
    /** Meta's message ids are unique for ever; conversation-service stores them under a unique key. */
    private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);

    private SandboxGraphApi(HttpServer server, Path record) {
        this.server = server;
        this.record = record;
    }

    static SandboxGraphApi start(int port, Path record) {
        try {
            Files.createDirectories(record.getParent());
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            SandboxGraphApi api = new SandboxGraphApi(server, record);
            server.createContext("/", api::handle);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the sandbox Send API on port " + port, e);
        }
    }

    /** What {@code SELLAVIE_META_GRAPH_URL} should be: base URL with the pinned version. */
    String graphUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/" + VERSION;
    }

    Path record() {
        return record;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !SEND_PATH.matcher(path).matches()) {
                respond(exchange, 404, error("Unsupported path in the Sellavie sandbox: " + path));
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            } catch (IOException e) {
                respond(exchange, 400, error("Request body is not JSON"));
                return;
            }
            String recipient = body == null ? "" : body.path("recipient").path("id").asText("");
            if (recipient.isEmpty()) {
                respond(exchange, 400, error("(#100) The parameter recipient is required"));
                return;
            }
            String messageId = "m_sandbox_" + run + "_" + sent.incrementAndGet();
            ObjectNode line = JSON.createObjectNode();
            line.put("at", Instant.now().toString());
            line.put("path", path);
            line.put("recipient", recipient);
            line.put("messageId", messageId);
            line.set("message", body.path("message"));
            append(line);
            ObjectNode answer = JSON.createObjectNode();
            answer.put("recipient_id", recipient);
            answer.put("message_id", messageId);
            respond(exchange, 200, answer);
        }
    }

    private synchronized void append(ObjectNode line) throws IOException {
        Files.writeString(record, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static ObjectNode error(String message) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode detail = error.putObject("error");
        detail.put("message", message);
        detail.put("type", "OAuthException");
        detail.put("code", 100);
        return error;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
