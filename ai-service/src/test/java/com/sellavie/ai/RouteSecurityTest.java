package com.sellavie.ai;

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

/**
 * Every route of the service, read from its handler mappings: role rules present and enforced (403 exactly
 * for the roles a rule refuses), 401 without a token, and another business never sees A's knowledge, its AI
 * settings nor its usage and budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class RouteSecurityTest {

    private static final String KNOWLEDGE = "{\"faqs\":[{\"topic\":\"delivery\",\"answer\":\"%s\"}],"
            + "\"profile\":{\"about\":\"%s\"}}";
    private static final String SETTINGS = "{\"providers\":[{\"name\":\"ollama\",\"apiKey\":\"%s\"},"
            + "{\"name\":\"offline\"}],\"tone\":\"%s\",\"monthlyBudgetUsd\":7,\"onBudget\":\"CHEAPER_MODEL\","
            + "\"budgetModel\":\"%s\"}";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteEnforcesRoleAndTenant() throws Exception {
        // Given tenant A whose owner seeded its knowledge through the API
        UUID business = UUID.randomUUID();
        String answer = "Routes marker answer " + UUID.randomUUID();
        String about = "Routes marker about " + UUID.randomUUID();
        // (the service's first token fetches identity's keys, which a loaded machine may time out: retried)
        await().atMost(Duration.ofSeconds(90)).until(() -> HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/ai/knowledge"))
                .header("Authorization", "Bearer " + TestTokens.ownerOf(business))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(KNOWLEDGE.formatted(answer, about))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), status -> status == 200);

        // and its AI settings (a tone and an own key whose masked tail is A's)
        String tone = "Routes marker tone " + UUID.randomUUID();
        String keyTail = UUID.randomUUID().toString().substring(0, 4);
        // and a monthly budget whose cheaper model is A's marker (shown by GET /api/ai/usage)
        String budgetModel = "routes-model-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(put("/api/ai/settings", business, SETTINGS.formatted("ollama-key-routes-" + keyTail, tone,
                budgetModel))).isEqualTo(200);

        // Then the suite over every route finds nothing
        RouteSecuritySuite.Report report = RouteSecuritySuite.of(context, port)
                .tenantA(business, answer, about, tone, "…" + keyTail, budgetModel)
                .body("PUT /api/ai/knowledge", KNOWLEDGE.formatted("B's answer", "B's shop"))
                .body("PUT /api/ai/settings", SETTINGS.formatted("ollama-key-of-b-0000", "B's tone", "b-model"))
                .body("POST /api/ai/settings/test-key", "{\"name\":\"offline\"}")
                .verify();

        assertThat(report.apiRouteKeys()).containsExactlyInAnyOrder("GET /api/ai/knowledge", "PUT /api/ai/knowledge",
                "GET /api/ai/settings", "PUT /api/ai/settings", "POST /api/ai/settings/test-key", "GET /api/ai/usage");
    }

    /** The public API (every route but /internal and /ops) is in the OpenAPI document the gateway serves. */
    @Test
    void everyPublicRouteIsInTheApiDocs() {
        ApiDocsCoverage.Report report = ApiDocsCoverage.of(context, port).verify();

        assertThat(report.documented()).contains("GET /api/ai/knowledge", "PUT /api/ai/settings");
    }

    private int put(String path, UUID business, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.ownerOf(business))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
