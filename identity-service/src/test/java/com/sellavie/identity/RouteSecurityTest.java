package com.sellavie.identity;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.TestBusinesses;
import com.sellavie.identity.support.TestBusinesses.Member;
import com.sellavie.platform.security.SecurityProperties;
import com.sellavie.platform.test.routes.ApiDocsCoverage;
import com.sellavie.platform.test.routes.RouteSecuritySuite;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every route of the service, read from its handler mappings: role rules present and enforced (403 exactly
 * for the roles a rule refuses), 401 without a token, and a member of another business gets 404 and none of
 * A's data on A's members, invitations, sessions and privacy requests. Identity accepts only tokens it signed,
 * so the suite calls with real members' tokens: A's and B's OWNER (signed up), ADMIN and AGENT (invited, accepted).
 * The routes anyone may call are listed below with the reason; a new route with neither a role rule nor a
 * place in that list fails the suite.
 */
@IdentityIntegrationTest
class RouteSecurityTest {

    /** The routes answered without an access token, and what stands in for one. */
    private static final Map<String, String> PUBLIC = publicRoutes();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SecurityProperties security;

    @Test
    void everyRouteEnforcesRoleAndTenant() {
        IdentityApi api = new IdentityApi(port);
        TestBusinesses businesses = new TestBusinesses(api);
        // Given business A: its owner, an admin, an agent and a second agent the owner will change and remove;
        // a pending invitation, a second session of the owner, and an export and an erasure request
        Member ownerA = businesses.signUp();
        Member adminA = businesses.join(ownerA, "ADMIN");
        Member agentA = businesses.join(ownerA, "AGENT");
        Member leaving = businesses.join(ownerA, "AGENT");
        String invitedEmail = newEmail();
        Response invited = api.send("POST", "/api/invitations", "{\"email\":\"" + invitedEmail
                + "\",\"role\":\"AGENT\"}", "Authorization", ownerA.bearer());
        assertThat(invited.status()).isEqualTo(201);
        assertThat(api.logIn(ownerA.email(), GOOD_PASSWORD).status()).isEqualTo(200);
        String otherSession = StreamSupport.stream(api.get("/api/auth/sessions", ownerA.token()).json()
                .path("sessions").spliterator(), false).filter(s -> !s.path("current").asBoolean())
                .map(s -> s.path("id").asString()).findFirst().orElseThrow();
        String export = privacyRequest(api, ownerA, "exports");
        String erasure = privacyRequest(api, ownerA, "erasures");
        String businessName = api.get("/api/business", ownerA.token()).text("name");
        assertThat(businessName).startsWith("Linen House");
        // and business B with one member of each role
        Member ownerB = businesses.signUp();
        Member adminB = businesses.join(ownerB, "ADMIN");
        Member agentB = businesses.join(ownerB, "AGENT");

        // Then the suite over every route finds nothing
        RouteSecuritySuite suite = RouteSecuritySuite.of(context, port)
                .tenantA(UUID.fromString(ownerA.businessId()), ownerA.email(), adminA.email(), agentA.email(),
                        leaving.email(), invitedEmail, businessName)
                .issuedTokens(Map.of("OWNER", ownerA.token(), "ADMIN", adminA.token(), "AGENT", agentA.token()),
                        Map.of("OWNER", ownerB.token(), "ADMIN", adminB.token(), "AGENT", agentB.token()))
                .variable("userId", leaving.userId())
                .variable("/api/invitations", "id", invited.text("id"))
                .variable("/api/auth/sessions", "id", otherSession)
                .variable("/api/privacy/exports", "id", export)
                .variable("/api/privacy/erasures", "id", erasure)
                .body("PATCH /api/members/{userId}", "{\"role\":\"ADMIN\"}")
                // B asks to act for A: refused as an unknown business (404), and B's session lives on.
                .body("POST /api/auth/switch", "{\"businessId\":\"" + ownerA.businessId() + "\"}")
                // B's owner leaves the policy as it is (requiring 2FA would lock B's members out of the rest).
                .body("PUT /api/business/security", "{\"requireTwoFactor\":false}");
        PUBLIC.forEach(suite::publicRoute);
        RouteSecuritySuite.Report report = suite.verify();

        assertThat(report.apiRouteKeys()).contains("GET /api/me", "POST /api/auth/email-verification/resend",
                "DELETE /api/members/{userId}", "GET /api/privacy/exports/{id}/archive");
        assertThat(report.guardedRoutes()).isGreaterThanOrEqualTo(1);
    }

    /** The public API (every route but /internal and /ops) is in the OpenAPI document the gateway serves. */
    @Test
    void everyPublicRouteIsInTheApiDocs() {
        ApiDocsCoverage.Report report = ApiDocsCoverage.of(context, port).verify();

        assertThat(report.documented()).contains("POST /api/auth/login", "GET /api/me", "DELETE /api/members/{userId}", "GET /.well-known/jwks.json");
    }

    @Test
    void thePublicRoutesAreExactlyThePathsTheSecurityChainLetsThrough() {
        // The chain's public-paths (application.yml) and the list above name the same paths, so neither can
        // open a route the other does not account for.
        assertThat(security.getPublicPaths()).containsExactlyInAnyOrderElementsOf(PUBLIC.keySet().stream()
                .map(key -> key.split(" ")[1].replaceAll("\\{[^}]+}", "*")).distinct().toList());
    }

    private static String privacyRequest(IdentityApi api, Member owner, String kind) {
        Response started = api.send("POST", "/api/privacy/" + kind, "{\"contactId\":\"" + UUID.randomUUID() + "\"}",
                "Authorization", owner.bearer());
        assertThat(started.status()).isEqualTo(202);
        return started.text("id");
    }

    private static Map<String, String> publicRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("POST /api/auth/signup", "creates the account: nobody is signed in yet");
        routes.put("POST /api/auth/login", "the email and password are the credential");
        routes.put("POST /api/auth/refresh", "the refresh token (cookie or body) is the credential");
        routes.put("POST /api/auth/logout", "the refresh token is the credential (an access token may be dead)");
        routes.put("POST /api/auth/mfa", "the log-in's challenge and the code are the credential");
        routes.put("POST /api/auth/email-verification", "the emailed link's token is the credential");
        routes.put("POST /api/auth/password-reset", "answers alike for any address; the link goes to the mailbox");
        routes.put("POST /api/auth/password-reset/confirm", "the emailed link's token is the credential");
        routes.put("POST /api/invitations/accept", "the invitation's token (plus the account's sign-in or password)");
        routes.put("GET /.well-known/jwks.json", "the public keys every service verifies tokens with");
        routes.put("POST /meta/data-deletion [application/x-www-form-urlencoded]",
                "Meta's callback: its signed_request (HMAC with the app secret) is the credential");
        routes.put("POST /meta/deauthorize [application/x-www-form-urlencoded]",
                "Meta's callback: its signed_request (HMAC with the app secret) is the credential");
        routes.put("GET /privacy/deletion-status/{code}",
                "the status page Meta's user is sent to: the confirmation code is the key, no personal data shown");
        return routes;
    }
}
