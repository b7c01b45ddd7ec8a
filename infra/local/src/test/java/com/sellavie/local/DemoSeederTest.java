package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the seeder asks of the public API for the demo channels, and that the tokens it connects them
 * with are ones the sandbox Graph API proves, also after a restart. The HTTP server here plays the
 * gateway answering as the merchant API does (the connect itself is tested in conversation-service).
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

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", this::answerAsTheMerchantApi);
        gateway.start();
        sandbox = SandboxGraphApi.start(freePort(), home.resolve("sandbox/outbound.jsonl"));
        secrets = new LocalSecrets(home.resolve("secrets"), Map.of());
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
        sandbox.close();
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

    private DemoSeeder seeder(SandboxGraphApi graph) {
        return new DemoSeeder("http://localhost:" + gateway.getAddress().getPort(), home.resolve("demo.properties"),
                secrets, Optional.empty(), Optional.of(graph));
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
            int status = switch (path) {
                case "/api/auth/signup" -> 202;
                case "/api/channels" -> 201;
                default -> 200;
            };
            byte[] answer = (switch (path) {
                case "/api/auth/signup" -> "{\"status\":\"CHECK_YOUR_EMAIL\"}";
                case "/api/auth/login" -> "{\"accessToken\":\"owner-jwt\"}";
                default -> "{}";
            }).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
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
