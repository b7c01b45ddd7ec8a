package com.sellavie.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import com.sellavie.platform.test.routes.ApiDocsCoverage;
import com.sellavie.platform.test.routes.RouteSecuritySuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route of the service, read from its handler mappings: role rules present and enforced (403 exactly
 * for the roles a rule refuses), 401 without a token, another business's notification ids 404 and its feed
 * without A's previews; the internal routes refuse members.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class RouteSecurityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteEnforcesRoleAndTenant() {
        // Given tenant A with a DM's notification in its feed, made by the real consumer from a real record
        UUID business = UUID.randomUUID();
        String preview = "Routes marker preview " + UUID.randomUUID();
        InboundMessages.publish(InboundMessages.instagramDm(business, preview));
        JsonNode notification = await().atMost(Duration.ofSeconds(60)).until(() -> firstItem(business),
                item -> item != null && item.get("body").asString().equals(preview));

        // Then the suite over every route finds nothing
        RouteSecuritySuite.Report report = RouteSecuritySuite.of(context, port)
                .tenantA(business, preview)
                .variable("/api/notifications", "id", notification.get("id").asString())
                .body("PUT /api/notification-preferences", "{\"preferences\":{\"ORDER_PAID\":\"EMAIL\"}}")
                .verify();

        assertThat(report.apiRouteKeys()).containsExactlyInAnyOrder("GET /api/notifications",
                "POST /api/notifications/{id}/read", "GET /api/notification-preferences",
                "PUT /api/notification-preferences");
    }

    /** The public API (every route but /internal and /ops) is in the OpenAPI document the gateway serves. */
    @Test
    void everyPublicRouteIsInTheApiDocs() {
        ApiDocsCoverage.Report report = ApiDocsCoverage.of(context, port).verify();

        assertThat(report.documented()).contains("GET /api/notifications", "PUT /api/notification-preferences");
    }

    /** The newest item of the business's feed as its owner sees it, or null while the feed is empty. */
    private JsonNode firstItem(UUID business) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/notifications"))
                .header("Authorization", "Bearer " + TestTokens.ownerOf(business)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        JsonNode items = JSON.readTree(response.body()).get("items");
        return items.isEmpty() ? null : items.get(0);
    }
}
