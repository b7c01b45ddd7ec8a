package com.sellavie.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for Meta's Graph API when {@code SELLAVIE_META_GRAPH_URL} is not set, so the demo works
 * offline with all three channel types. It knows only the accounts it was told about (the demo
 * business's, registered by the seeder at every start), each with the token that controls it:
 * <ul>
 * <li>proofs of ownership as conversation-service asks them: {@code GET /me} (an Instagram Login token:
 * {@code id}, {@code username}; a Page token: {@code id}, {@code name}), {@code GET /{phone-number-id}}
 * and {@code GET /{waba-id}/phone_numbers} for a WhatsApp number, and the WABA's approved templates
 * ({@code GET /{waba-id}/message_templates}); an unknown token is Meta's error 190, a known token asking
 * for an object it does not control Meta's error 100 (subcode 33);</li>
 * <li>sends, answered in each API's shape: Instagram {@code POST /me/messages} and Messenger
 * {@code POST /{page-id}/messages} with {@code recipient_id}/{@code message_id}, WhatsApp
 * {@code POST /{phone-number-id}/messages} with {@code messaging_product}, {@code contacts},
 * {@code messages[0].id}; a private reply ({@code recipient.comment_id}) is accepted once per comment.
 * Each accepted send is appended to {@code outbound.jsonl} with its channel type,
 * recipient and text (never the token). Sends do not check the token: a channel connected by an older
 * stack, whose token the sandbox never kept, still gets its replies.</li>
 * <li>Facebook Login for Business once {@link #acceptFacebookLogin} was called: see {@link SandboxFacebookLogin}.</li>
 * </ul>
 */
final class SandboxGraphApi implements AutoCloseable {

    static final String VERSION = "v23.0";
    private static final Pattern SEND_PATH = Pattern.compile("^/[^/]+/([^/]+)/messages/?$");
    private static final Pattern OBJECT_PATH = Pattern.compile("^/[^/]+/([^/]+)(?:/([a-z_]+))?/?$");
    static final ObjectMapper JSON = new ObjectMapper();
    /** The Page "Connect with Facebook" offers besides the demo's, with its Instagram account: something new to connect. */
    static final String BOUTIQUE_PAGE_ID = "104000000000777";
    static final String BOUTIQUE_INSTAGRAM_ID = "17841400000000777";

    /** What a token controls; {@code id} is the node sends are posted to (or {@code me} for Instagram). */
    sealed interface Account {
        String id();

        String channelType();
    }

    /** An Instagram professional account (Instagram Login token). */
    record InstagramAccount(String id, String username) implements Account {
        @Override
        public String channelType() {
            return "INSTAGRAM";
        }
    }

    /** A Facebook Page (Page token), the Messenger channel. */
    record FacebookPage(String id, String name) implements Account {
        @Override
        public String channelType() {
            return "MESSENGER";
        }
    }

    /** A WhatsApp Business phone number, in its WhatsApp Business Account (WABA). */
    record WhatsAppNumber(String id, String wabaId, String displayPhoneNumber, String verifiedName)
            implements Account {
        @Override
        public String channelType() {
            return "WHATSAPP";
        }
    }

    private final HttpServer server;
    private final Path record;
    private final AtomicLong sent = new AtomicLong();
    /** Meta's message ids are unique for ever; conversation-service stores them under a unique key. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Account> byToken = new ConcurrentHashMap<>();
    private final Map<String, Account> byId = new ConcurrentHashMap<>();
    private final Set<String> privatelyAnswered = ConcurrentHashMap.newKeySet();
    /** Page id -> the Instagram professional account linked to it. */
    private final Map<String, InstagramAccount> instagramOfPage = new ConcurrentHashMap<>();
    private volatile SandboxFacebookLogin login;
    private volatile SendListener sendListener = (channelType, recipient, receivedAtNanos, receivedAtMillis) -> { };

    /** Told of every accepted send with when its request arrived ({@code ./sellavie bench} measures with it). */
    interface SendListener {
        void accepted(String channelType, String recipient, long receivedAtNanos, long receivedAtMillis);
    }

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
            // One thread would queue the services' concurrent sends behind each other (and behind the file appends).
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the sandbox Graph API on port " + port, e);
        }
    }

    /** What {@code SELLAVIE_META_GRAPH_URL} should be: base URL with the pinned version. */
    String graphUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/" + VERSION;
    }

    Path record() {
        return record;
    }

    /** What {@code SELLAVIE_META_DIALOG_URL} should be: this sandbox's OAuth dialog. */
    String dialogUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/" + VERSION + "/dialog/oauth";
    }

    /**
     * From now on the sandbox serves Facebook Login for app {@link SandboxFacebookLogin#APP_ID} with this
     * secret, and knows one more Page ("Linen & Co Boutique", linked to an Instagram account) to connect.
     */
    void acceptFacebookLogin(String appSecret) {
        controls("EAA-sandbox-page-" + UUID.randomUUID().toString().replace("-", ""),
                new FacebookPage(BOUTIQUE_PAGE_ID, "Linen & Co Boutique"));
        linkInstagram(BOUTIQUE_PAGE_ID, new InstagramAccount(BOUTIQUE_INSTAGRAM_ID, "linenandco.boutique"));
        login = new SandboxFacebookLogin(this, appSecret);
    }

    /** The Page's linked Instagram professional account (answered on {@code /me} with the Page token). */
    void linkInstagram(String pageId, InstagramAccount instagram) {
        instagramOfPage.put(pageId, instagram);
    }

    Optional<InstagramAccount> instagramOf(String pageId) {
        return Optional.ofNullable(instagramOfPage.get(pageId));
    }

    /** Replaces the listener told of each accepted send. */
    void onSend(SendListener listener) {
        sendListener = listener;
    }

    /** Every account a token controls, by token. */
    Map<String, Account> accounts() {
        return Map.copyOf(byToken);
    }

    /** From now on, {@code accessToken} controls {@code account}: proofs pass, sends to it are accepted. */
    void controls(String accessToken, Account account) {
        byToken.put(accessToken, account);
        byId.put(account.id(), account);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            SandboxFacebookLogin facebookLogin = login;
            if (facebookLogin != null && facebookLogin.handle(exchange, path, method)) {
                return;
            }
            Matcher send = SEND_PATH.matcher(path);
            if ("POST".equals(method) && send.matches()) {
                answerSend(exchange, send.group(1));
                return;
            }
            Matcher object = OBJECT_PATH.matcher(path);
            if ("GET".equals(method) && object.matches()) {
                answerGet(exchange, object.group(1), object.group(2));
                return;
            }
            respond(exchange, 400, error(100, 0, "Unsupported " + method.toLowerCase() + " request in the Sellavie"
                    + " sandbox: " + path));
        }
    }

    // --- Reads: proofs of ownership and templates --------------------------------------------------

    private void answerGet(HttpExchange exchange, String node, String edge) throws IOException {
        SandboxFacebookLogin facebookLogin = login;
        if (facebookLogin != null && facebookLogin.isUserToken(accessToken(exchange))) {
            answerUserGet(exchange, facebookLogin, node, edge);
            return;
        }
        Account account = byToken.get(accessToken(exchange));
        if (account == null) {
            respond(exchange, 400, error(190, 0, "Invalid OAuth access token - Cannot parse access token"));
            return;
        }
        if ("me".equals(node) && edge == null) {
            respond(exchange, 200, me(account));
            return;
        }
        if (account instanceof WhatsAppNumber number) {
            if (edge == null && node.equals(number.id())) {
                respond(exchange, 200, phoneNumber(number));
                return;
            }
            if (node.equals(number.wabaId()) && "phone_numbers".equals(edge)) {
                ObjectNode page = JSON.createObjectNode();
                page.putArray("data").add(phoneNumber(number));
                respond(exchange, 200, page);
                return;
            }
            if (node.equals(number.wabaId()) && "message_templates".equals(edge)) {
                respond(exchange, 200, templates());
                return;
            }
        }
        respond(exchange, 400, error(100, 33, "Unsupported get request. Object with ID '" + node + "' does not exist,"
                + " cannot be loaded due to missing permissions, or does not support this operation."));
    }

    /** A Facebook Login user token: the user, their Pages, and the WhatsApp numbers of the WABAs they granted. */
    private void answerUserGet(HttpExchange exchange, SandboxFacebookLogin facebookLogin, String node, String edge)
            throws IOException {
        if ("me".equals(node) && "accounts".equals(edge)) {
            respond(exchange, 200, facebookLogin.pages());
            return;
        }
        if ("me".equals(node) && edge == null) {
            respond(exchange, 200, JSON.createObjectNode().put("id", SandboxFacebookLogin.DEMO_USER_ID)
                    .put("name", "Demo user"));
            return;
        }
        ObjectNode numbers = JSON.createObjectNode();
        ArrayNode data = numbers.putArray("data");
        for (Account account : byId.values()) {
            if (account instanceof WhatsAppNumber number) {
                if (edge == null && node.equals(number.id())) {
                    respond(exchange, 200, phoneNumber(number));
                    return;
                }
                if (node.equals(number.wabaId()) && "message_templates".equals(edge)) {
                    respond(exchange, 200, templates());
                    return;
                }
                if (node.equals(number.wabaId()) && "phone_numbers".equals(edge)) {
                    data.add(phoneNumber(number));
                }
            }
        }
        if (!data.isEmpty()) {
            respond(exchange, 200, numbers);
            return;
        }
        respond(exchange, 400, error(100, 33, "Unsupported get request. Object with ID '" + node + "' does not exist,"
                + " cannot be loaded due to missing permissions, or does not support this operation."));
    }

    private ObjectNode me(Account account) {
        ObjectNode me = JSON.createObjectNode();
        switch (account) {
            case InstagramAccount instagram -> {
                me.put("id", instagram.id());
                me.put("user_id", instagram.id());
                me.put("username", instagram.username());
            }
            case FacebookPage page -> {
                me.put("id", page.id());
                me.put("name", page.name());
                instagramOf(page.id()).ifPresent(instagram -> me.putObject("instagram_business_account")
                        .put("id", instagram.id()).put("username", instagram.username()));
            }
            // A WhatsApp token belongs to a (system) user, not to the number.
            case WhatsAppNumber number -> {
                me.put("id", "sandbox-system-user-" + number.wabaId());
                me.put("name", "Sandbox system user");
            }
        }
        return me;
    }

    private static ObjectNode phoneNumber(WhatsAppNumber number) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("verified_name", number.verifiedName());
        answer.put("display_phone_number", number.displayPhoneNumber());
        answer.put("id", number.id());
        answer.put("quality_rating", "GREEN");
        return answer;
    }

    /** Two approved sample templates, shaped like {@code GET /{waba-id}/message_templates}. */
    private static ObjectNode templates() {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode data = page.putArray("data");
        data.add(template("order_update", "en_US", "UTILITY",
                "Hi {{1}}, your order {{2}} is on its way. Reply here if you have any question.", "1000000000000001"));
        data.add(template("back_in_stock", "en_US", "MARKETING",
                "Good news: {{1}} is back in stock. Reply to this message to order it.", "1000000000000002"));
        page.putObject("paging").putObject("cursors").put("before", "MAZDZD").put("after", "MQZDZD");
        return page;
    }

    private static ObjectNode template(String name, String language, String category, String body, String id) {
        ObjectNode template = JSON.createObjectNode();
        template.put("name", name);
        template.put("language", language);
        template.put("category", category);
        template.put("status", "APPROVED");
        template.putArray("components").addObject().put("type", "BODY").put("text", body);
        template.put("id", id);
        return template;
    }

    // --- Sends -------------------------------------------------------------------------------------

    private void answerSend(HttpExchange exchange, String node) throws IOException {
        long receivedAtNanos = System.nanoTime();
        long receivedAtMillis = System.currentTimeMillis();
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            respond(exchange, 400, error(100, 0, "Request body is not JSON"));
            return;
        }
        if (body == null || !body.isObject()) {
            respond(exchange, 400, error(100, 0, "Request body is not a JSON object"));
            return;
        }
        String channelType;
        if ("me".equals(node)) {
            // A Page token may send Messenger messages on /me/messages too; any other token is Instagram's.
            Account account = byToken.get(accessToken(exchange));
            channelType = account instanceof FacebookPage ? "MESSENGER" : "INSTAGRAM";
        } else {
            Account account = byId.get(node);
            if (account == null) {
                respond(exchange, 400, error(100, 33, "Unsupported post request. Object with ID '" + node
                        + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
                        + " operation."));
                return;
            }
            channelType = account.channelType();
        }
        if ("WHATSAPP".equals(channelType)) {
            answerWhatsAppSend(exchange, body).ifPresent(recipient ->
                    sendListener.accepted("WHATSAPP", recipient, receivedAtNanos, receivedAtMillis));
        } else {
            answerMessengerPlatformSend(exchange, channelType, body).ifPresent(recipient ->
                    sendListener.accepted(channelType, recipient, receivedAtNanos, receivedAtMillis));
        }
    }

    /**
     * Instagram and Messenger: {@code recipient.id} and {@code message}; answer {@code recipient_id, message_id}.
     * Returns the recipient of an accepted send.
     */
    private Optional<String> answerMessengerPlatformSend(HttpExchange exchange, String channelType, JsonNode body)
            throws IOException {
        String commentId = body.path("recipient").path("comment_id").asText("");
        String recipient = commentId.isEmpty() ? body.path("recipient").path("id").asText("") : "comment:" + commentId;
        if (recipient.isEmpty()) {
            respond(exchange, 400, error(100, 0, "(#100) The parameter recipient is required"));
            return Optional.empty();
        }
        if (!body.path("message").isObject()) {
            respond(exchange, 400, error(100, 0, "(#100) The parameter message is required"));
            return Optional.empty();
        }
        // Private Replies: one message per comment, as Meta allows.
        if (!commentId.isEmpty() && !privatelyAnswered.add(commentId)) {
            respond(exchange, 400, error(10900, 0, "(#10900) Activity already replied to"));
            return Optional.empty();
        }
        String messageId = "m_sandbox_" + run + "_" + sent.incrementAndGet();
        ObjectNode line = line(exchange, channelType, recipient, messageId);
        if (!commentId.isEmpty()) {
            line.put("commentId", commentId);
        }
        JsonNode message = body.path("message");
        putIfPresent(line, "text", message.path("text"));
        putIfPresent(line, "messagingType", body.path("messaging_type"));
        putIfPresent(line, "tag", body.path("tag"));
        line.set("message", message);
        append(line);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("recipient_id", recipient);
        answer.put("message_id", messageId);
        respond(exchange, 200, answer);
        return Optional.of(recipient);
    }

    /** WhatsApp Cloud API: {@code messaging_product}, {@code to}, {@code type} and its object; answer with the wamid. */
    private Optional<String> answerWhatsAppSend(HttpExchange exchange, JsonNode body) throws IOException {
        if (!"whatsapp".equals(body.path("messaging_product").asText(""))) {
            respond(exchange, 400, error(100, 0, "(#100) The parameter messaging_product is required."));
            return Optional.empty();
        }
        String to = body.path("to").asText("");
        if (to.isEmpty()) {
            respond(exchange, 400, error(100, 0, "(#100) The parameter to is required."));
            return Optional.empty();
        }
        String type = body.path("type").asText("text");
        if (!body.path(type).isObject()) {
            respond(exchange, 400, error(100, 0, "(#100) The parameter " + type + " is required."));
            return Optional.empty();
        }
        String messageId = "wamid.sandbox_" + run + "_" + sent.incrementAndGet();
        ObjectNode line = line(exchange, "WHATSAPP", to, messageId);
        JsonNode content = body.path(type);
        putIfPresent(line, "text", "text".equals(type) ? content.path("body") : content.path("caption"));
        ObjectNode message = line.putObject("message");
        message.put("type", type);
        message.set(type, content);
        append(line);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("messaging_product", "whatsapp");
        ObjectNode contact = answer.putArray("contacts").addObject();
        contact.put("input", to);
        contact.put("wa_id", to.replaceAll("\\D", ""));
        answer.putArray("messages").addObject().put("id", messageId);
        respond(exchange, 200, answer);
        return Optional.of(to);
    }

    private static ObjectNode line(HttpExchange exchange, String channelType, String recipient, String messageId) {
        ObjectNode line = JSON.createObjectNode();
        line.put("at", Instant.now().toString());
        line.put("channel", channelType);
        line.put("path", exchange.getRequestURI().getPath());
        line.put("recipient", recipient);
        line.put("messageId", messageId);
        return line;
    }

    private static void putIfPresent(ObjectNode line, String field, JsonNode value) {
        if (value.isTextual()) {
            line.put(field, value.asText());
        }
    }

    private synchronized void append(ObjectNode line) throws IOException {
        Files.writeString(record, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** {@code Authorization: Bearer}, else the {@code access_token} parameter (Graph accepts both). */
    static String accessToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return authorization.substring(7).strip();
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("access_token=")) {
                    return URLDecoder.decode(parameter.substring("access_token=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    /** Meta's error shape: {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}. */
    ObjectNode error(int code, int subcode, String message) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode detail = error.putObject("error");
        detail.put("message", message);
        detail.put("type", "OAuthException");
        detail.put("code", code);
        if (subcode != 0) {
            detail.put("error_subcode", subcode);
        }
        detail.put("fbtrace_id", "sandbox-" + run);
        return error;
    }

    static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
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
