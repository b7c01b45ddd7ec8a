package com.sellavie.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for Stripe in the local stack, so the demo's checkout works offline: commerce-service
 * creates Checkout Sessions here ({@code SELLAVIE_STRIPE_URL}), the session's {@code url} opens a
 * local page with <b>Pay</b> and <b>Decline</b> buttons, and each button delivers the webhook Stripe
 * would ({@code checkout.session.completed} or {@code checkout.session.async_payment_failed}), signed
 * with the merchant's webhook secret exactly as Stripe signs ({@code Stripe-Signature: t=...,v1=...}),
 * to the webhook URL the merchant's payment settings show. Only merchants registered here (the demo
 * business, by the seeder) can be paid: the sandbox must know where to deliver and with which secret.
 */
final class SandboxPayments implements AutoCloseable {

    private static final Logger console = LoggerFactory.getLogger("sellavie");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAY_PAGE = Pattern.compile("^/pay/(cs_test_[A-Za-z0-9]+)(/(pay|decline))?/?$");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** secret key -> where and how to deliver that merchant's webhooks. */
    private final Map<String, Merchant> merchants = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Stripe replays the first answer for a repeated Idempotency-Key. */
    private final Map<String, String> sessionsByIdempotencyKey = new ConcurrentHashMap<>();

    record Merchant(String webhookSecret, URI webhookUrl) {
    }

    private record Session(String id, String secretKey, ObjectNode object) {
    }

    private SandboxPayments(HttpServer server) {
        this.server = server;
    }

    static SandboxPayments start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            SandboxPayments sandbox = new SandboxPayments(server);
            server.createContext("/", sandbox::handle);
            server.start();
            return sandbox;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the sandbox payment provider on port " + port, e);
        }
    }

    /** What {@code SELLAVIE_STRIPE_URL} should be. */
    String apiUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Lets the merchant holding {@code secretKey} be paid: webhooks go to {@code webhookUrl}, signed with {@code webhookSecret}. */
    void register(String secretKey, String webhookSecret, URI webhookUrl) {
        merchants.put(secretKey, new Merchant(webhookSecret, webhookUrl));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("POST".equals(method) && path.equals("/v1/checkout/sessions")) {
                createSession(exchange);
                return;
            }
            Matcher page = PAY_PAGE.matcher(path);
            if (page.matches()) {
                Session session = sessions.get(page.group(1));
                if (session == null) {
                    html(exchange, 404, "Unknown checkout", "<p>This sandbox checkout does not exist (or the local stack"
                            + " was restarted since it was created).</p>");
                } else if (page.group(3) == null && "GET".equals(method)) {
                    html(exchange, 200, "Sandbox checkout", checkoutPage(session));
                } else if (page.group(3) != null && "POST".equals(method)) {
                    html(exchange, 200, "Sandbox checkout", complete(session, "pay".equals(page.group(3))));
                } else {
                    html(exchange, 405, "Not allowed", "<p>Use the buttons of the checkout page.</p>");
                }
                return;
            }
            json(exchange, 404, error("invalid_request_error", "Unrecognized request URL (" + method + ": " + path
                    + ") in the Sellavie sandbox"));
        }
    }

    /** {@code POST /v1/checkout/sessions}, form-encoded as stripe-java sends it. */
    private void createSession(HttpExchange exchange) throws IOException {
        String secretKey = bearer(exchange).orElse("");
        if (!secretKey.startsWith("sk_test_")) {
            json(exchange, 401, error("invalid_request_error", "Invalid API Key provided (the sandbox takes test keys)"));
            return;
        }
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (idempotencyKey != null && sessionsByIdempotencyKey.containsKey(secretKey + idempotencyKey)) {
            json(exchange, 200, sessions.get(sessionsByIdempotencyKey.get(secretKey + idempotencyKey)).object());
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        long total = 0;
        String currency = null;
        for (int i = 0; form.containsKey("line_items[" + i + "][quantity]"); i++) {
            String prefix = "line_items[" + i + "][price_data]";
            long unit = Long.parseLong(form.getOrDefault(prefix + "[unit_amount]", "0"));
            total += unit * Long.parseLong(form.get("line_items[" + i + "][quantity]"));
            currency = form.getOrDefault(prefix + "[currency]", currency);
        }
        if (currency == null || total <= 0) {
            json(exchange, 400, error("invalid_request_error", "line_items with price_data are required"));
            return;
        }
        String id = "cs_test_" + SecretFile.randomHex(12);
        ObjectNode session = JSON.createObjectNode();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("mode", form.getOrDefault("mode", "payment"));
        session.put("status", "open");
        session.put("payment_status", "unpaid");
        session.put("amount_total", total);
        session.put("currency", currency);
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("success_url", form.get("success_url"));
        session.put("cancel_url", form.get("cancel_url"));
        session.put("livemode", false);
        session.put("created", Instant.now().getEpochSecond());
        session.put("url", apiUrl() + "/pay/" + id);
        ObjectNode metadata = session.putObject("metadata");
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[") && key.endsWith("]")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        sessions.put(id, new Session(id, secretKey, session));
        if (idempotencyKey != null) {
            sessionsByIdempotencyKey.put(secretKey + idempotencyKey, id);
        }
        json(exchange, 200, session);
    }

    private String checkoutPage(Session session) {
        ObjectNode object = session.object();
        String status = object.path("payment_status").asText();
        if (!"open".equals(object.path("status").asText())) {
            return "<p>This checkout is already <b>" + escape(object.path("status").asText()) + "</b> ("
                    + escape(status) + ").</p>";
        }
        return "<p>Sandbox payment — no money moves.</p>"
                + "<p class=amount>" + escape(amount(object)) + "</p>"
                + "<form method=post action=\"/pay/" + session.id() + "/pay\"><button id=pay>Pay</button></form>"
                + "<form method=post action=\"/pay/" + session.id() + "/decline\"><button id=decline>Decline</button>"
                + "</form>";
    }

    /** Marks the session paid or failed and delivers the signed webhook; the page says what happened. */
    private synchronized String complete(Session session, boolean paid) {
        ObjectNode object = session.object();
        if (!"open".equals(object.path("status").asText())) {
            return checkoutPage(session);
        }
        Merchant merchant = merchants.get(session.secretKey());
        if (merchant == null) {
            return "<p>No webhook is registered in this sandbox for the merchant's key, so the payment cannot be"
                    + " reported. Only the demo business can be paid here.</p>";
        }
        // A declined asynchronous payment leaves the session complete but unpaid, as Stripe does.
        object.put("status", "complete");
        object.put("payment_status", paid ? "paid" : "unpaid");
        if (paid) {
            object.put("payment_intent", "pi_" + SecretFile.randomHex(12));
        }
        String type = paid ? "checkout.session.completed" : "checkout.session.async_payment_failed";
        ObjectNode event = JSON.createObjectNode();
        event.put("id", "evt_" + SecretFile.randomHex(12));
        event.put("object", "event");
        event.put("api_version", "2025-03-31.basil");
        event.put("created", Instant.now().getEpochSecond());
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        event.putObject("data").set("object", object.deepCopy());
        try {
            byte[] body = JSON.writeValueAsBytes(event);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(merchant.webhookUrl())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Stripe-Signature", signature(merchant.webhookSecret(), body, Instant.now()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            console.info("Sandbox payment {} {}: webhook {} answered {}", session.id(), paid ? "paid" : "declined",
                    type, answer.statusCode());
            return "<p>" + (paid ? "Paid" : "Declined") + ". Sellavie was notified (" + escape(type) + ", answered "
                    + answer.statusCode() + "). You can close this page and go back to the conversation.</p>";
        } catch (IOException e) {
            return "<p>The webhook could not be delivered: " + escape(e.getMessage()) + "</p>";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "<p>Interrupted.</p>";
        }
    }

    /** Stripe's scheme: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the endpoint secret>}. */
    static String signature(String webhookSecret, byte[] body, Instant at) {
        try {
            long timestamp = at.getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String amount(JsonNode session) {
        String currency = session.path("currency").asText().toUpperCase(Locale.ROOT);
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return currency + " " + java.math.BigDecimal.valueOf(session.path("amount_total").asLong(), digits)
                .toPlainString();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? Optional.of(header.substring(7).strip())
                : Optional.empty();
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode detail = error.putObject("error");
        detail.put("type", type);
        detail.put("message", message);
        return error;
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void html(HttpExchange exchange, int status, String title, String content) throws IOException {
        byte[] bytes = ("<!doctype html><html><head><meta charset=utf-8><title>" + title + "</title>"
                + "<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}button{font-size:1.1rem;"
                + "margin:.3rem 0;padding:.5rem 1.5rem}.amount{font-size:1.6rem}</style></head><body><h1>" + title
                + "</h1>" + content + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
