package com.sellavie.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo business through the public HTTP API (via the gateway), exactly as a merchant
 * would: sign-up, an Instagram channel in sandbox mode, then the assistant's FAQ and catalog. Each step is remembered in
 * {@code demo.properties}, so later runs do nothing; a step whose effect already exists (409) counts as done.
 */
final class DemoSeeder {

    private static final Logger console = LoggerFactory.getLogger("sellavie");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gatewayUrl;
    private final Path stateFile;
    private final LocalSecrets secrets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    DemoSeeder(String gatewayUrl, Path stateFile, LocalSecrets secrets) {
        this.gatewayUrl = gatewayUrl;
        this.stateFile = stateFile;
        this.secrets = secrets;
    }

    /** Runs the steps not done yet. */
    void seed() throws IOException, InterruptedException {
        Properties state = load(stateFile);
        if ("true".equals(state.getProperty("channel.connected"))
                && "true".equals(state.getProperty("knowledge.seeded"))) {
            return;
        }
        String token = accessToken();
        if (!"true".equals(state.getProperty("channel.connected"))) {
            connectChannel(token, state);
        }
        if (!"true".equals(state.getProperty("knowledge.seeded"))) {
            seedKnowledge(token, state);
        }
    }

    private void connectChannel(String token, Properties state) throws IOException, InterruptedException {
        state.setProperty("owner.signed-up", "true");
        store(state);
        HttpResponse<String> channel = send("POST", "/api/channels", token, Map.of(
                "type", "INSTAGRAM",
                "externalId", DemoBusiness.INSTAGRAM_ACCOUNT_ID,
                "name", DemoBusiness.INSTAGRAM_ACCOUNT_NAME,
                "accessToken", "sandbox-" + SecretFile.randomHex(12)));
        if (channel.statusCode() != 201 && channel.statusCode() != 409) {
            throw new IllegalStateException("Connecting the demo Instagram channel answered " + channel.statusCode()
                    + ": " + channel.body());
        }
        state.setProperty("channel.connected", "true");
        state.setProperty("channel.external-id", DemoBusiness.INSTAGRAM_ACCOUNT_ID);
        store(state);
        console.info("  demo business   seeded: {} with Instagram account {} (sandbox)", DemoBusiness.BUSINESS_NAME,
                DemoBusiness.INSTAGRAM_ACCOUNT_ID);
    }

    /** The assistant's FAQ and catalog, through ai-service's merchant API (PUT replaces the whole seed). */
    private void seedKnowledge(String token, Properties state) throws IOException, InterruptedException {
        HttpResponse<String> knowledge = send("PUT", "/api/ai/knowledge", token, DemoBusiness.knowledge());
        if (knowledge.statusCode() != 200) {
            throw new IllegalStateException("Seeding the demo FAQ/catalog answered " + knowledge.statusCode() + ": "
                    + knowledge.body());
        }
        state.setProperty("knowledge.seeded", "true");
        store(state);
        console.info("  demo FAQ/catalog seeded: {} products, {} answers", DemoBusiness.PRODUCT_COUNT,
                DemoBusiness.FAQ_COUNT);
    }

    /** Signs the owner up, or logs in when an earlier run already did. */
    private String accessToken() throws IOException, InterruptedException {
        String password = secrets.demoOwnerPassword();
        HttpResponse<String> signup = send("POST", "/api/auth/signup", null, Map.of(
                "email", DemoBusiness.OWNER_EMAIL, "password", password, "businessName", DemoBusiness.BUSINESS_NAME));
        HttpResponse<String> answer = signup.statusCode() == 409
                ? send("POST", "/api/auth/login", null, Map.of("email", DemoBusiness.OWNER_EMAIL, "password", password))
                : signup;
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            throw new IllegalStateException("Signing up the demo owner answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        JsonNode body = JSON.readTree(answer.body());
        return body.path("accessToken").asText();
    }

    private HttpResponse<String> send(String method, String path, String bearer, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private void store(Properties state) throws IOException {
        try (OutputStream out = Files.newOutputStream(stateFile)) {
            state.store(out, "What ./sellavie up has seeded (delete a line to redo that step)");
        }
    }
}
