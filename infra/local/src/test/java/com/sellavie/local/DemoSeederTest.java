package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the seeder asks of the public API for the demo channels, and that the tokens it connects them
 * with are ones the sandbox Graph API proves, also after a restart. The HTTP server here plays the
 * gateway answering as the merchant API does (the connect itself is tested in conversation-service),
 * including identity's verification mail, sent over SMTP to the real mail catcher, and conversation's
 * refusal to connect for an unconfirmed address.
 */
class DemoSeederTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private HttpServer gateway;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private SandboxGraphApi sandbox;
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalSecrets secrets;
    private LocalMailCatcher mail;
    private volatile String verificationToken;
    private volatile boolean ownerVerified;
    private volatile boolean ownerSignedUp;
    private volatile boolean signupThrottled;

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", this::answerAsTheMerchantApi);
        gateway.start();
        sandbox = SandboxGraphApi.start(freePort(), home.resolve("sandbox/outbound.jsonl"));
        secrets = new LocalSecrets(home.resolve("secrets"), Map.of());
        mail = LocalMailCatcher.start(0, 0);
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
        sandbox.close();
        mail.close();
        http.close();
    }

    @Test
    void firstRunConnectsInstagramMessengerAndWhatsAppWithTokensTheSandboxProves() throws Exception {
        seeder(sandbox).seed();

        List<JsonNode> connects = channelRequests();
        assertThat(connects).extracting(body -> body.path("type").asText())
                .containsExactly("INSTAGRAM", "MESSENGER", "WHATSAPP");
        JsonNode instagram = connects.get(0);
        assertThat(instagram.path("externalId").asText()).isEqualTo(DemoBusiness.INSTAGRAM_ACCOUNT_ID);
        assertThat(me(sandbox, instagram.path("accessToken").asText()).path("id").asText())
                .isEqualTo(DemoBusiness.INSTAGRAM_ACCOUNT_ID);
        JsonNode messenger = connects.get(1);
        assertThat(messenger.path("externalId").asText()).isEqualTo(DemoBusiness.MESSENGER_PAGE_ID);
        assertThat(me(sandbox, messenger.path("accessToken").asText()).path("id").asText())
                .isEqualTo(DemoBusiness.MESSENGER_PAGE_ID);
        JsonNode whatsapp = connects.get(2);
        assertThat(whatsapp.path("externalId").asText()).isEqualTo(DemoBusiness.WHATSAPP_PHONE_NUMBER_ID);
        assertThat(whatsapp.path("phoneNumberId").asText()).isEqualTo(DemoBusiness.WHATSAPP_PHONE_NUMBER_ID);
        assertThat(whatsapp.path("wabaId").asText()).isEqualTo(DemoBusiness.WHATSAPP_BUSINESS_ACCOUNT_ID);
        String whatsappToken = whatsapp.path("accessToken").asText();
        assertThat(get(sandbox, "/" + DemoBusiness.WHATSAPP_PHONE_NUMBER_ID
                + "?fields=id,display_phone_number,verified_name", whatsappToken).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get(sandbox, "/" + DemoBusiness.WHATSAPP_BUSINESS_ACCOUNT_ID
                + "/phone_numbers?fields=id", whatsappToken).body()).path("data").findValuesAsText("id"))
                .containsExactly(DemoBusiness.WHATSAPP_PHONE_NUMBER_ID);
        // Three different tokens, none of them in the state file.
        assertThat(connects).extracting(body -> body.path("accessToken").asText()).doesNotHaveDuplicates();
        String state = Files.readString(home.resolve("demo.properties"));
        connects.forEach(body -> assertThat(state).doesNotContain(body.path("accessToken").asText()));
    }

    @Test
    void theOwnerConfirmsTheAddressFromTheMailBeforeAnyChannelIsConnected() throws Exception {
        seeder(sandbox).seed();

        List<String> paths = requests.stream().map(request -> request.path("path").asText()).toList();
        assertThat(paths).containsSubsequence("/api/auth/signup", "/api/auth/login", "/api/auth/email-verification",
                "/api/auth/login", "/api/channels");
        assertThat(paths.indexOf("/api/channels")).isGreaterThan(paths.indexOf("/api/auth/email-verification"));
        assertThat(ownerVerified).isTrue();
        Properties state = DemoSeeder.load(home.resolve("demo.properties"));
        assertThat(state.getProperty("channel.connected")).isEqualTo("true");
        assertThat(state.getProperty("channel.whatsapp.connected")).isEqualTo("true");
    }

    @Test
    void aRunAfterARestartConnectsNothingAgainAndTheNewSandboxKnowsTheDemoTokens() throws Exception {
        seeder(sandbox).seed();
        String whatsappToken = channelRequests().get(2).path("accessToken").asText();
        String pageToken = channelRequests().get(1).path("accessToken").asText();
        requests.clear();

        try (SandboxGraphApi restarted = SandboxGraphApi.start(freePort(), home.resolve("sandbox/outbound.jsonl"))) {
            seeder(restarted).seed();

            assertThat(requests).isEmpty();
            // conversation-service reads the WABA's templates with the stored token on every call.
            assertThat(get(restarted, "/" + DemoBusiness.WHATSAPP_BUSINESS_ACCOUNT_ID
                    + "/message_templates?status=APPROVED", whatsappToken).statusCode()).isEqualTo(200);
            assertThat(me(restarted, pageToken).path("id").asText()).isEqualTo(DemoBusiness.MESSENGER_PAGE_ID);
        }
    }

    @Test
    void aDataFolderSeededBeforeWithInstagramOnlyGetsMessengerAndWhatsAppAdded() throws Exception {
        Properties earlier = new Properties();
        earlier.setProperty("owner.signed-up", "true");
        earlier.setProperty("channel.connected", "true");
        earlier.setProperty("knowledge.seeded", "true");
        earlier.setProperty("catalog.seeded", "true");
        try (OutputStream out = Files.newOutputStream(home.resolve("demo.properties"))) {
            earlier.store(out, null);
        }

        seeder(sandbox).seed();

        assertThat(channelRequests()).extracting(body -> body.path("type").asText())
                .containsExactly("MESSENGER", "WHATSAPP");
        assertThat(requests).noneMatch(request -> request.path("path").asText().startsWith("/api/catalog"));
        Properties state = DemoSeeder.load(home.resolve("demo.properties"));
        assertThat(state.getProperty("channel.messenger.connected")).isEqualTo("true");
        assertThat(state.getProperty("channel.whatsapp.connected")).isEqualTo("true");
    }

    @Test
    void anOwnerWhoHasAnAccountIsLoggedInWithoutASecondSignUp() throws Exception {
        // An earlier run signed up and confirmed the owner, then stopped before the catalog.
        ownerSignedUp = true;
        ownerVerified = true;
        signupThrottled = true;
        Properties earlier = new Properties();
        earlier.setProperty("channel.connected", "true");
        earlier.setProperty("channel.messenger.connected", "true");
        earlier.setProperty("channel.whatsapp.connected", "true");
        earlier.setProperty("knowledge.seeded", "true");
        try (OutputStream out = Files.newOutputStream(home.resolve("demo.properties"))) {
            earlier.store(out, null);
        }

        seeder(sandbox).seed();

        List<String> paths = requests.stream().map(request -> request.path("path").asText()).toList();
        assertThat(paths).doesNotContain("/api/auth/signup").contains("/api/auth/login");
        assertThat(DemoSeeder.load(home.resolve("demo.properties")).getProperty("catalog.seeded")).isEqualTo("true");
    }

    @Test
    void aThrottledSignUpStopsWithHowLongToWaitAndSeedsNothing() {
        signupThrottled = true;

        assertThatThrownBy(() -> seeder(sandbox).seed())
                .hasMessageContaining("was refused").hasMessageContaining("try again in 1800 s");
        assertThat(channelRequests()).isEmpty();
        assertThat(DemoSeeder.load(home.resolve("demo.properties")).getProperty("owner.signed-up")).isNull();
    }

    private DemoSeeder seeder(SandboxGraphApi graph) {
        return new DemoSeeder("http://localhost:" + gateway.getAddress().getPort(), home.resolve("demo.properties"),
                secrets, Optional.empty(), Optional.of(graph), Optional.of(mail));
    }

    private List<JsonNode> channelRequests() {
        return requests.stream().filter(request -> request.path("path").asText().equals("/api/channels"))
                .map(request -> request.path("body")).toList();
    }

    private void answerAsTheMerchantApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            var request = JSON.createObjectNode().put("method", exchange.getRequestMethod()).put("path", path);
            request.set("body", body.length == 0 ? JSON.nullNode() : JSON.readTree(body));
            requests.add(request);
            String bearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean confirmed = bearer.equals("Bearer " + ownerToken(true));
            if (path.equals("/api/auth/signup") && signupThrottled) {
                exchange.getResponseHeaders().add("Retry-After", "1800");
                exchange.sendResponseHeaders(429, -1);
                return;
            }
            if (path.equals("/api/auth/signup")) {
                ownerSignedUp = true;
            }
            if (path.equals("/api/auth/signup") && verificationToken == null) {
                verificationToken = UUID.randomUUID().toString();
                sendVerificationMail(verificationToken);
            }
            boolean verifying = path.equals("/api/auth/email-verification")
                    && request.path("body").path("token").asText().equals(verificationToken);
            if (verifying) {
                ownerVerified = true;
            }
            int status = switch (path) {
                case "/api/auth/signup" -> 202;
                case "/api/auth/email-verification" -> verifying ? 204 : 422;
                case "/api/channels" -> confirmed ? 201 : 403;
                case "/api/auth/login" -> ownerSignedUp ? 200 : 401;
                default -> 200;
            };
            byte[] answer = (switch (path) {
                case "/api/auth/signup" -> "{\"status\":\"CHECK_YOUR_EMAIL\"}";
                case "/api/auth/login" -> "{\"accessToken\":\"" + ownerToken(ownerVerified) + "\"}";
                case "/api/channels" -> confirmed ? "{}" : "{\"code\":\"EMAIL_NOT_VERIFIED\"}";
                default -> "{}";
            }).getBytes(StandardCharsets.UTF_8);
            if (status == 204) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** An access token shaped like identity's (header.claims.signature), saying whether the address is confirmed. */
    private static String ownerToken(boolean verified) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"sub\":\"owner\",\"email_verified\":" + verified + "}")
                        .getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    /** identity's verification mail, over real SMTP to the mail catcher, as notification-service sends it. */
    private void sendVerificationMail(String token) {
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("no-reply@sellavie.local"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(DemoBusiness.OWNER_EMAIL));
            message.setSubject("Confirm your email address for Sellavie", "UTF-8");
            message.setText("Confirm it: http://localhost:8080/verify-email?token=" + token, "UTF-8");
            Transport.send(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode me(SandboxGraphApi graph, String token) throws Exception {
        return JSON.readTree(get(graph, "/me?fields=id,name", token).body());
    }

    private HttpResponse<String> get(SandboxGraphApi graph, String pathAndQuery, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(graph.graphUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
