package com.sellavie.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The local stack's mail catcher: every email the services send lands here instead of the internet.
 * GreenMail (in this JVM) takes SMTP on {@link #SMTP_PORT}; {@link #HTTP_PORT} serves a page listing each
 * mailbox's messages and a JSON API with their bodies (GreenMail's own API lists no bodies):
 * {@code GET /api/mailboxes} (every mailbox, newest message first) and {@code GET /api/mailboxes/<address>}.
 * Nothing is kept across restarts. Both bind to loopback only. The system tests run the same catcher
 * (on free ports) and read the mail a journey expects from it.
 */
public final class LocalMailCatcher implements AutoCloseable {

    static final int SMTP_PORT = 1025;
    static final int HTTP_PORT = 8025;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAILBOXES = "/api/mailboxes";

    private final GreenMail smtp;
    private final HttpServer http;

    private LocalMailCatcher(GreenMail smtp, HttpServer http) {
        this.smtp = smtp;
        this.http = http;
    }

    /** Starts SMTP and the web page on these ports; 0 picks a free one. */
    public static LocalMailCatcher start(int smtpPort, int httpPort) {
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(smtpPort == 0 ? setup.dynamicPort() : setup);
        smtp.start();
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
            LocalMailCatcher catcher = new LocalMailCatcher(smtp, http);
            http.createContext("/", catcher::handle);
            http.start();
            return catcher;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("Could not start the mail catcher's web page on port " + httpPort, e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public String webUrl() {
        return "http://localhost:" + http.getAddress().getPort();
    }

    /** One received message as the page and the API show it. */
    public record Mail(String mailbox, String from, String subject, Date receivedAt, String text, String html) {
    }

    /** Every mailbox's messages, newest first. */
    public List<Mail> messages() {
        List<Mail> all = new ArrayList<>();
        for (GreenMailUser user : smtp.getUserManager().listUser()) {
            try {
                for (StoredMessage stored : smtp.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    all.add(mail(user.getEmail(), stored.getMimeMessage(), stored.getReceivedDate()));
                }
            } catch (Exception e) {
                throw new IllegalStateException("Could not read the mailbox of " + user.getEmail(), e);
            }
        }
        all.sort(Comparator.comparing(Mail::receivedAt).reversed());
        return all;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only");
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", page(messages()));
            } else if (path.equals(MAILBOXES) || path.equals(MAILBOXES + "/")) {
                send(exchange, 200, "application/json", JSON.writeValueAsString(json(messages(), null)));
            } else if (path.startsWith(MAILBOXES + "/")) {
                String address = URLDecoder.decode(path.substring(MAILBOXES.length() + 1), StandardCharsets.UTF_8);
                send(exchange, 200, "application/json", JSON.writeValueAsString(json(messages(), address)));
            } else {
                send(exchange, 404, "text/plain", "Not found: try / or " + MAILBOXES);
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", e.getMessage());
        }
    }

    /** {@code {"mailboxes":[{"address","messages":[{"from","subject","receivedAt","text","html"}]}]}}. */
    private static ObjectNode json(List<Mail> messages, String onlyAddress) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode mailboxes = root.putArray("mailboxes");
        messages.stream().map(Mail::mailbox).distinct().sorted()
                .filter(address -> onlyAddress == null || address.equalsIgnoreCase(onlyAddress))
                .forEach(address -> {
                    ObjectNode mailbox = mailboxes.addObject().put("address", address);
                    ArrayNode list = mailbox.putArray("messages");
                    messages.stream().filter(m -> m.mailbox().equals(address)).forEach(m -> list.addObject()
                            .put("from", m.from()).put("subject", m.subject())
                            .put("receivedAt", m.receivedAt().toInstant().toString())
                            .put("text", m.text()).put("html", m.html()));
                });
        return root;
    }

    private static String page(List<Mail> messages) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>Sellavie mail catcher</title>
                <style>body{font-family:sans-serif;margin:24px;max-width:960px}article{border:1px solid #ddd;
                border-radius:6px;padding:12px;margin:12px 0}pre{white-space:pre-wrap}iframe{width:100%;height:360px;
                border:1px solid #eee}</style></head><body><h1>Mail sent by the local stack</h1>
                <p>Newest first. JSON: <a href="/api/mailboxes">/api/mailboxes</a>. Reload to see new mail.</p>
                """);
        if (messages.isEmpty()) {
            html.append("<p>No mail yet.</p>");
        }
        for (Mail mail : messages) {
            html.append("<article><h2>").append(escape(mail.subject())).append("</h2><p>To <b>")
                    .append(escape(mail.mailbox())).append("</b> from ").append(escape(mail.from())).append(", ")
                    .append(mail.receivedAt().toInstant()).append("</p>");
            if (mail.text() != null) {
                html.append("<details open><summary>Text</summary><pre>").append(escape(mail.text()))
                        .append("</pre></details>");
            }
            if (mail.html() != null) {
                // A sandboxed frame: the mail's HTML renders, its scripts (if any) do not run.
                html.append("<details><summary>HTML</summary><iframe sandbox srcdoc=\"").append(escape(mail.html()))
                        .append("\"></iframe></details>");
            }
            html.append("</article>");
        }
        return html.append("</body></html>").toString();
    }

    private static Mail mail(String mailbox, MimeMessage message, Date received) throws MessagingException, IOException {
        List<String> text = new ArrayList<>();
        List<String> html = new ArrayList<>();
        collect(message, text, html);
        String from = message.getFrom() == null || message.getFrom().length == 0 ? ""
                : message.getFrom()[0] instanceof InternetAddress address ? address.toUnicodeString()
                : message.getFrom()[0].toString();
        return new Mail(mailbox, from, message.getSubject(), received,
                text.isEmpty() ? null : String.join("\n", text), html.isEmpty() ? null : String.join("\n", html));
    }

    private static void collect(Part part, List<String> text, List<String> html) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html);
            }
        } else if (content instanceof String body) {
            String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
            (type.startsWith("text/html") ? html : text).add(body);
        }
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        http.stop(0);
        smtp.stop();
    }
}
