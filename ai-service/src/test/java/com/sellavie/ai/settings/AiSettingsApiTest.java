package com.sellavie.ai.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/ai/settings} over HTTP with real tokens and database, in the deployment of the default
 * configuration (providers = offline; the hosted endpoints configured without platform keys).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class AiSettingsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/ai/settings";
    private static final String OPENAI_KEY = "sk-proj-business-key-0123456789abcd";
    private static final String ANTHROPIC_KEY = "sk-ant-api03-business-9876543210wxyz";

    private static final String SETTINGS = """
            {"providers": [
               {"name": "anthropic", "model": "claude-sonnet-4-5", "apiKey": "%s"},
               {"name": "openai", "apiKey": "%s"},
               {"name": "offline"}],
             "temperature": 0.4, "maxReplyTokens": 300,
             "tone": "Warm and brief, like a friendly shop assistant in Lagos.",
             "languagePolicy": "FIXED", "fixedLanguage": "fr",
             "channels": {"INSTAGRAM": true, "MESSENGER": true, "WHATSAPP": false}}
            """.formatted(ANTHROPIC_KEY, OPENAI_KEY);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBusinessWithoutSettingsSeesTheDeploymentsDefaultsAndWhatItMayChoose() throws Exception {
        HttpResponse<String> read = call("GET", TestTokens.ownerOf(UUID.randomUUID()), null);

        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode settings = JSON.readTree(read.body());
        assertThat(settings.get("custom").asBoolean()).isFalse();
        assertThat(settings.get("providers").valueStream().map(p -> p.get("name").asString())).containsExactly("offline");
        assertThat(settings.get("languagePolicy").asString()).isEqualTo("CUSTOMER");
        assertThat(settings.get("channels").propertyStream().map(e -> e.getKey() + "=" + e.getValue().asBoolean()))
                .containsExactly("INSTAGRAM=true", "MESSENGER=true", "WHATSAPP=true");
        JsonNode available = settings.get("available");
        assertThat(available.valueStream().map(p -> p.get("name").asString()))
                .containsExactly("offline", "anthropic", "groq", "ollama", "openai");
        JsonNode openai = available.valueStream().filter(p -> p.get("name").asString().equals("openai")).findFirst()
                .orElseThrow();
        assertThat(openai.get("defaultModel").asString()).isEqualTo("gpt-4o-mini");
        assertThat(openai.get("platformKey").asBoolean()).isFalse();
        assertThat(openai.get("needsKey").asBoolean()).isTrue();
        JsonNode ollama = available.valueStream().filter(p -> p.get("name").asString().equals("ollama")).findFirst()
                .orElseThrow();
        assertThat(ollama.get("needsKey").asBoolean()).isFalse();
    }

    @Test
    void ownerSavesSettingsAndReadsThemBackWithKeysMaskedAndEncryptedAtRest() throws Exception {
        // Given a business
        UUID business = UUID.randomUUID();

        // When its owner saves its own order, keys and style
        HttpResponse<String> saved = call("PUT", TestTokens.ownerOf(business), SETTINGS);

        // Then the answer and a later read hold the settings, keys masked and nowhere in clear
        assertThat(saved.statusCode()).isEqualTo(200);
        HttpResponse<String> read = call("GET", TestTokens.accessToken(business, UUID.randomUUID(), "ADMIN"), null);
        assertThat(JSON.readTree(read.body())).isEqualTo(JSON.readTree(saved.body()));
        JsonNode settings = JSON.readTree(read.body());
        assertThat(settings.get("custom").asBoolean()).isTrue();
        List<JsonNode> providers = settings.get("providers").valueStream().toList();
        assertThat(providers).extracting(p -> p.get("name").asString()).containsExactly("anthropic", "openai", "offline");
        assertThat(providers.get(0).get("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(providers.get(0).get("apiKey").asString()).isEqualTo("sk-…wxyz");
        assertThat(providers.get(0).get("ownKey").asBoolean()).isTrue();
        assertThat(providers.get(1).get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(providers.get(1).get("apiKey").asString()).isEqualTo("sk-…abcd");
        assertThat(providers.get(2).get("ownKey").asBoolean()).isFalse();
        assertThat(settings.get("temperature").asDouble()).isEqualTo(0.4);
        assertThat(settings.get("maxReplyTokens").asInt()).isEqualTo(300);
        assertThat(settings.get("tone").asString()).startsWith("Warm and brief");
        assertThat(settings.get("languagePolicy").asString()).isEqualTo("FIXED");
        assertThat(settings.get("fixedLanguage").asString()).isEqualTo("fr");
        assertThat(settings.get("channels").get("WHATSAPP").asBoolean()).isFalse();
        assertThat(settings.get("channels").get("INSTAGRAM").asBoolean()).isTrue();
        assertThat(saved.body() + read.body()).doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
        byte[] stored = storedCiphertext(business, "openai");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(OPENAI_KEY);
        assertThat(stored.length).isGreaterThan(OPENAI_KEY.length());
    }

    @Test
    void aMaskedOrAbsentKeyKeepsTheStoredOneAndClearingRemovesIt() throws Exception {
        // Given a business with its own OpenAI key and an Ollama key
        UUID business = UUID.randomUUID();
        String owner = TestTokens.ownerOf(business);
        assertThat(call("PUT", owner, """
                {"providers": [{"name": "openai", "apiKey": "%s"}, {"name": "ollama", "apiKey": "ollama-key-0123456789"}]}
                """.formatted(OPENAI_KEY)).statusCode()).isEqualTo(200);
        byte[] before = storedCiphertext(business, "openai");

        // When it saves again sending the masked OpenAI key, and no key for Ollama but clearing it
        HttpResponse<String> again = call("PUT", owner, """
                {"providers": [{"name": "ollama", "clearKey": true}, {"name": "openai", "apiKey": "sk-…abcd", "model": "gpt-4.1"}]}
                """);

        // Then OpenAI's key is the same ciphertext, in its new place, and Ollama's is gone
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(storedCiphertext(business, "openai")).isEqualTo(before);
        assertThat(storedCiphertext(business, "ollama")).isNull();
        List<JsonNode> providers = JSON.readTree(again.body()).get("providers").valueStream().toList();
        assertThat(providers.get(0).get("ownKey").asBoolean()).isFalse();
        assertThat(providers.get(0).get("apiKey").isNull()).isTrue();
        assertThat(providers.get(1).get("apiKey").asString()).isEqualTo("sk-…abcd");
        assertThat(providers.get(1).get("model").asString()).isEqualTo("gpt-4.1");

        // And leaving the key out keeps it too
        call("PUT", owner, "{\"providers\": [{\"name\": \"openai\"}]}");
        assertThat(storedCiphertext(business, "openai")).isEqualTo(before);
    }

    @Test
    void invalidSettingsAreRefusedFieldByFieldAndNothingIsWritten() throws Exception {
        // Given a business with saved settings
        UUID business = UUID.randomUUID();
        String owner = TestTokens.ownerOf(business);
        call("PUT", owner, SETTINGS);
        String before = call("GET", owner, null).body();

        // When its owner sends settings wrong in every field
        HttpResponse<String> refused = call("PUT", owner, """
                {"providers": [
                   {"name": "mistral"},
                   {"name": "openai", "apiKey": "sk-…zzzz"},
                   {"name": "anthropic", "model": "claude; rm -rf"},
                   {"name": "openai"},
                   {"name": "groq"},
                   {"name": "offline", "apiKey": "sk-offline-0123456789"}],
                 "temperature": 2.5, "maxReplyTokens": 5, "tone": "%s",
                 "languagePolicy": "FIXED", "channels": {"TELEGRAM": false}}
                """.formatted("x".repeat(501)));

        // Then 400 names every field, repeats no key, and the settings are unchanged
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.propertyStream().map(e -> e.getKey())).containsExactlyInAnyOrder("providers[0].name",
                "providers[1].apiKey", "providers[2].model", "providers[3].name", "providers[4].apiKey",
                "providers[5].apiKey", "temperature", "maxReplyTokens", "tone", "fixedLanguage", "channels.TELEGRAM");
        assertThat(errors.get("providers[4].apiKey").asString()).contains("no key for groq");
        assertThat(refused.body()).doesNotContain("sk-offline-0123456789");
        assertThat(JSON.readTree(call("GET", owner, null).body())).isEqualTo(JSON.readTree(before));

        // And an empty order, or no body at all, is refused too
        assertThat(call("PUT", owner, "{\"providers\": []}").statusCode()).isEqualTo(400);
        assertThat(call("PUT", owner, null).statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(call("GET", owner, null).body())).isEqualTo(JSON.readTree(before));
    }

    @Test
    void anAgentCannotReadChangeNorTestAndAnotherBusinessSeesNoneOfIt() throws Exception {
        // Given business A's settings
        UUID business = UUID.randomUUID();
        call("PUT", TestTokens.ownerOf(business), SETTINGS);
        String before = call("GET", TestTokens.ownerOf(business), null).body();
        String agent = TestTokens.accessToken(business, UUID.randomUUID(), "AGENT");

        // When one of A's agents reads, replaces (even with an invalid body) and tests a key
        List<HttpResponse<String>> refused = List.of(call("GET", agent, null), call("PUT", agent, SETTINGS),
                call("PUT", agent, "{\"providers\": []}"),
                call("POST", agent, "/test-key", "{\"name\": \"openai\", \"apiKey\": \"" + OPENAI_KEY + "\"}"));

        // Then every call is 403 and nothing changed
        assertThat(refused).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(403));
        assertThat(JSON.readTree(call("GET", TestTokens.ownerOf(business), null).body()))
                .isEqualTo(JSON.readTree(before));

        // And business B's owner reads only its own defaults
        HttpResponse<String> other = call("GET", TestTokens.ownerOf(UUID.randomUUID()), null);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(other.body()).get("custom").asBoolean()).isFalse();
        assertThat(other.body()).doesNotContain("Warm and brief").doesNotContain("…wxyz").doesNotContain("…abcd");
    }

    @Test
    void withoutATokenEveryCallIsUnauthorized() throws Exception {
        assertThat(List.of(call("GET", null, null), call("PUT", null, SETTINGS),
                call("POST", null, "/test-key", "{\"name\": \"openai\"}")))
                .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(401));
    }

    private byte[] storedCiphertext(UUID business, String provider) {
        List<byte[]> rows = TenantContext.callAs(business, () -> jdbc.query("SELECT key_ciphertext FROM "
                + "ai_settings_providers WHERE business_id = ? AND name = ?", (rs, i) -> rs.getBytes(1), business,
                provider));
        assertThat(rows).as("the provider's row").hasSize(1);
        return rows.getFirst();
    }

    private HttpResponse<String> call(String method, String token, String body) throws Exception {
        return call(method, token, "", body);
    }

    private HttpResponse<String> call(String method, String token, String sub, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH + sub))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
