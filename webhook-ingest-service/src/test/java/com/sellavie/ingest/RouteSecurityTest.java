package com.sellavie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.routes.ApiDocsCoverage;
import com.sellavie.platform.test.routes.RouteSecuritySuite;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

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
}
