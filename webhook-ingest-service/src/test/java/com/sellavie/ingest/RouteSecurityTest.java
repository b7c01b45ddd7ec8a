package com.sellavie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.routes.ApiDocsCoverage;
import com.sellavie.platform.test.routes.RouteSecuritySuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route of the service, read from its handler mappings: the sandbox endpoint's role rule present and
 * enforced, 401 without a token; webhooks accept nothing unsigned; ops and internal routes refuse members.
 * This service keeps no tenant data it serves back, so tenant A has no markers here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class RouteSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteEnforcesRoleAndRefusesMembersOutsideTheApi() {
        RouteSecuritySuite.Report report = RouteSecuritySuite.of(context, port)
                .tenantA(UUID.randomUUID())
                // Payment webhooks name the provider in the path; an unknown endpoint id is all a stranger has.
                .sharedVariable("provider", "paystack")
                .body("POST /api/sandbox/messages", "{\"text\":\"Do you have the linen shirt in blue?\"}")
                .verify();

        assertThat(report.apiRouteKeys()).containsExactly("POST /api/sandbox/messages");
        assertThat(report.guardedRoutes()).isGreaterThanOrEqualTo(4);
    }

    /** The public API (every route but /internal and /ops) is in the OpenAPI document the gateway serves. */
    @Test
    void everyPublicRouteIsInTheApiDocs() {
        ApiDocsCoverage.Report report = ApiDocsCoverage.of(context, port).verify();

        assertThat(report.documented()).contains("POST /api/sandbox/messages", "GET /webhooks/meta", "POST /webhooks/meta",
                "POST /webhooks/{provider}/{endpointId}");
    }

    /** Webhooks (signed paths) are documented as needing no token; the sandbox needs one. */
    @Test
    void theApiDocsSayWebhooksNeedNoTokenAndTheSandboxDoes() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode paths = JsonMapper.builder().build().readTree(answer.body()).path("paths");

        assertThat(paths.path("/webhooks/meta").path("post").path("security").isEmpty()).isTrue();
        assertThat(paths.path("/webhooks/{provider}/{endpointId}").path("post").path("security").isEmpty()).isTrue();
        assertThat(paths.path("/api/sandbox/messages").path("post").path("security").toString()).contains("bearer-jwt");
    }
}
