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
 * (recipient and text; never the access token). Connecting a channel asks Meta who a token belongs to
 * ({@code GET /{version}/me}): the sandbox answers for the tokens it was told about ({@link #controls}),
 * like Meta for an Instagram Login token, and with Meta's error 190 for any other.
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
    /** Access token -> the Instagram account it controls (id, username). */
    private final java.util.Map<String, String[]> accounts = new java.util.concurrent.ConcurrentHashMap<>();

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

    /** From now on, {@code GET /me} with this token answers that it controls this Instagram account. */
    void controls(String accessToken, String accountId, String username) {
        accounts.put(accessToken, new String[] {accountId, username});
    }

    private void answerMe(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        String[] account = accounts.get(token);
        if (account == null) {
            ObjectNode invalid = error("Invalid OAuth access token - Cannot parse access token");
            ((ObjectNode) invalid.path("error")).put("code", 190);
            respond(exchange, 400, invalid);
            return;
        }
        ObjectNode me = JSON.createObjectNode();
        me.put("id", account[0]);
        me.put("username", account[1]);
        respond(exchange, 200, me);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.equals("/" + VERSION + "/me")) {
                answerMe(exchange);
                return;
            }
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
