package com.sellavie.platform.tenancy;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static com.sellavie.platform.testservice.TestEvents.BUSINESS_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.tenancy.SellavieClaims.Role;
import com.sellavie.platform.testservice.ConsumerServiceTest;
import com.sellavie.platform.testservice.TestJwts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ConsumerServiceTest
class RequestTenancyIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tenantComesFromTheTokensBusinessIdClaim() throws Exception {
        HttpResponse<String> response = get("/api/tenant", TestJwts.member(BUSINESS_A, Role.AGENT));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BUSINESS_A.toString());
    }

    @Test
    void aRequestReadsOnlyItsTenantsRows() throws Exception {
        String mine = "mine-" + UUID.randomUUID();
        String theirs = "theirs-" + UUID.randomUUID();
        TenantContext.runAs(BUSINESS_A, () -> jdbc.update("INSERT INTO notes (business_id, body) VALUES (?, ?)",
                BUSINESS_A, mine));
        TenantContext.runAs(BUSINESS_B, () -> jdbc.update("INSERT INTO notes (business_id, body) VALUES (?, ?)",
                BUSINESS_B, theirs));

        HttpResponse<String> response = get("/api/notes", TestJwts.member(BUSINESS_A, Role.OWNER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(mine).doesNotContain(theirs);
    }

    @Test
    void aTokenWithoutABusinessHasNoTenant() throws Exception {
        HttpResponse<String> response = get("/api/tenant", TestJwts.withoutBusiness());

        assertThat(response.body()).isEqualTo("none");
    }

    @Test
    void theTenantDoesNotOutliveItsRequest() throws Exception {
        get("/api/tenant", TestJwts.member(BUSINESS_A, Role.AGENT));

        HttpResponse<String> next = get("/api/tenant", TestJwts.withoutBusiness());

        assertThat(next.body()).isEqualTo("none");
    }

    @Test
    void theRoleClaimBecomesTheUsersRole() throws Exception {
        assertThat(get("/api/owners-only", TestJwts.member(BUSINESS_A, Role.OWNER)).statusCode()).isEqualTo(200);
        assertThat(get("/api/owners-only", TestJwts.member(BUSINESS_A, Role.AGENT)).statusCode()).isEqualTo(403);
    }

    @Test
    void aRequestWithoutATokenIsRejected() throws Exception {
        assertThat(get("/api/notes", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
