package com.sellavie.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET/PUT /api/notification-preferences over HTTP with identity's test tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class NotificationPreferencesApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/notification-preferences";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aMemberStartsWithTheDefaults() throws Exception {
        HttpResponse<String> response = send("GET", token(UUID.randomUUID(), UUID.randomUUID(), "AGENT"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode preferences = JSON.readTree(response.body()).get("preferences");
        assertThat(preferences.get("HANDOFF_REQUESTED").asString()).isEqualTo("IN_APP");
        assertThat(preferences.get("ORDER_PAID").asString()).isEqualTo("IN_APP");
        assertThat(preferences.get("PAYMENT_FAILED").asString()).isEqualTo("IN_APP");
        assertThat(preferences.get("CHANNEL_NEEDS_RECONNECT").asString()).isEqualTo("EMAIL");
        assertThat(preferences.size()).isEqualTo(4);
    }

    @Test
    void anyRoleChangesItsOwnPreferencesOnlyAndOnlyInItsBusiness() throws Exception {
        UUID business = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        String agentToken = token(business, agent, "AGENT");

        HttpResponse<String> put = send("PUT", agentToken,
                "{\"preferences\":{\"ORDER_PAID\":\"EMAIL\",\"CHANNEL_NEEDS_RECONNECT\":\"OFF\"}}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(preferences(agentToken).get("ORDER_PAID").asString()).isEqualTo("EMAIL");
        assertThat(preferences(agentToken).get("CHANNEL_NEEDS_RECONNECT").asString()).isEqualTo("OFF");
        assertThat(preferences(agentToken).get("HANDOFF_REQUESTED").asString()).isEqualTo("IN_APP");
        // the owner of the same business keeps their own
        assertThat(preferences(token(business, UUID.randomUUID(), "OWNER")).get("ORDER_PAID").asString())
                .isEqualTo("IN_APP");
        // the same person acting for another business has that business's defaults
        assertThat(preferences(token(UUID.randomUUID(), agent, "ADMIN")).get("ORDER_PAID").asString())
                .isEqualTo("IN_APP");
    }

    @Test
    void aBadKindOrChannelIsA400NamingItAndChangesNothing() throws Exception {
        String token = token(UUID.randomUUID(), UUID.randomUUID(), "OWNER");

        HttpResponse<String> response = send("PUT", token,
                "{\"preferences\":{\"ORDER_PAID\":\"EMAIL\",\"NEW_MESSAGE\":\"EMAIL\",\"PAYMENT_FAILED\":\"SMS\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(errors.has("preferences.NEW_MESSAGE")).isTrue();
        assertThat(errors.get("preferences.PAYMENT_FAILED").asString()).contains("IN_APP, EMAIL or OFF");
        assertThat(preferences(token).get("ORDER_PAID").asString()).isEqualTo("IN_APP");
        assertThat(send("PUT", token, "{\"preferences\":{}}").statusCode()).isEqualTo(400);
    }

    @Test
    void withoutATokenNothingIsAnswered() throws Exception {
        assertThat(send("GET", null, null).statusCode()).isEqualTo(401);
        assertThat(send("PUT", null, "{\"preferences\":{\"ORDER_PAID\":\"EMAIL\"}}").statusCode()).isEqualTo(401);
    }

    private static String token(UUID business, UUID user, String role) {
        return TestTokens.accessToken(business, user, role);
    }

    private JsonNode preferences(String token) throws Exception {
        HttpResponse<String> response = send("GET", token, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("preferences");
    }

    private HttpResponse<String> send(String method, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
