package com.sellavie.identity.mfa;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OWNER requires 2FA for the business: members without it get tokens that open only the enrolment
 * endpoints (403 TWO_FACTOR_REQUIRED elsewhere) until they enrol and refresh. Only the OWNER sets the
 * policy, and only for their own business.
 */
@IdentityIntegrationTest
class BusinessTwoFactorPolicyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private IdentityApi api;
    private IdentityDatabase database;

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
        database = new IdentityDatabase(databaseUrl);
    }

    @Test
    void membersWithoutTwoFactorMustEnrolBeforeAnythingElseWorks() throws Exception {
        Response owner = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String businessId = owner.json().path("business").path("id").asString();
        String ownerToken = owner.text("accessToken");
        assertThat(policy(ownerToken).json().path("requireTwoFactor").asBoolean()).isFalse();

        Response ownerWithoutTwoFactor = setPolicy(ownerToken, true);
        assertThat(ownerWithoutTwoFactor.status()).as("the owner enrols first").isEqualTo(409);
        enrol(ownerToken);
        assertThat(setPolicy(ownerToken, true).status()).isEqualTo(200);
        assertThat(policy(ownerToken).json().path("requireTwoFactor").asBoolean()).isTrue();

        String agentEmail = newEmail();
        addMember(businessId, agentEmail, "AGENT");
        Response agentLogin = api.logIn(agentEmail, GOOD_PASSWORD);
        String agentToken = agentLogin.text("accessToken");
        assertThat(SignedJWT.parse(agentToken).getJWTClaimsSet().getBooleanClaim("mfa_enrolment_required")).isTrue();

        Response refused = api.get("/api/auth/sessions", agentToken);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("reason")).isEqualTo("TWO_FACTOR_REQUIRED");
        assertThat(policy(agentToken).status()).isEqualTo(403);
        assertThat(api.get("/api/me", agentToken).status()).isEqualTo(200);

        enrol(agentToken);
        Response refreshed = api.refreshWithCookie(agentLogin.refreshToken().orElseThrow());
        assertThat(refreshed.status()).isEqualTo(200);
        String enrolledToken = refreshed.text("accessToken");
        assertThat(SignedJWT.parse(enrolledToken).getJWTClaimsSet().getClaim("mfa_enrolment_required")).isNull();
        assertThat(api.get("/api/auth/sessions", enrolledToken).status()).isEqualTo(200);
        assertThat(api.logIn(agentEmail, GOOD_PASSWORD).json().path("mfaRequired").asBoolean()).isTrue();
    }

    @Test
    void aTwoFactorLogInUnderThePolicyOpensEverythingAlsoAfterARefresh() throws Exception {
        Response owner = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String ownerToken = owner.text("accessToken");
        enrol(ownerToken);
        assertThat(setPolicy(ownerToken, true).status()).isEqualTo(200);
        Response challenged = api.logIn(owner.json().path("user").path("email").asString(), GOOD_PASSWORD);
        Response secondStep = api.post("/api/auth/mfa", JSON.writeValueAsString(Map.of(
                "challenge", challenged.text("challenge"),
                "code", TwoFactorIntegrationTest.code(lastSecret, currentStep() + 1))));
        assertThat(secondStep.status()).isEqualTo(200);

        Response refreshed = api.refreshWithCookie(secondStep.refreshToken().orElseThrow());

        assertThat(refreshed.status()).isEqualTo(200);
        String token = refreshed.text("accessToken");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("amr")).contains("otp", "mfa");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaim("mfa_enrolment_required")).isNull();
        assertThat(api.get("/api/auth/sessions", token).status()).isEqualTo(200);
        assertThat(policy(token).json().path("requireTwoFactor").asBoolean()).isTrue();
    }

    @Test
    void onlyTheOwnerSetsThePolicyAndOnlyForTheirOwnBusiness() throws Exception {
        Response owner = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String businessId = owner.json().path("business").path("id").asString();
        enrol(owner.text("accessToken"));
        assertThat(setPolicy(owner.text("accessToken"), true).status()).isEqualTo(200);

        String adminEmail = newEmail();
        addMember(businessId, adminEmail, "ADMIN");
        String adminToken = api.logIn(adminEmail, GOOD_PASSWORD).text("accessToken");
        // An ADMIN without 2FA is confined to enrolment anyway; once enrolled, still not the owner.
        enrol(adminToken);
        String enrolledAdmin = api.post("/api/auth/mfa", JSON.writeValueAsString(Map.of(
                "challenge", api.logIn(adminEmail, GOOD_PASSWORD).text("challenge"),
                "code", TwoFactorIntegrationTest.code(lastSecret, currentStep() + 1)))).text("accessToken");
        Response forbidden = setPolicy(enrolledAdmin, false);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(database.countWith("SELECT count(*) FROM businesses WHERE id = ?::uuid AND require_two_factor",
                businessId)).isEqualTo(1);

        Response otherOwner = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        assertThat(policy(otherOwner.text("accessToken")).json().path("requireTwoFactor").asBoolean())
                .as("another business's policy is its own").isFalse();
        assertThat(setPolicy(otherOwner.text("accessToken"), false).status()).isEqualTo(200);
        assertThat(database.countWith("SELECT count(*) FROM businesses WHERE id = ?::uuid AND require_two_factor",
                businessId)).isEqualTo(1);

        assertThat(api.send("PUT", "/api/business/security", "{}", "Authorization",
                "Bearer " + otherOwner.text("accessToken")).json().path("errors").has("requireTwoFactor")).isTrue();
        assertThat(api.send("PUT", "/api/business/security", "{\"requireTwoFactor\":true}").status()).isEqualTo(401);
    }

    private String lastSecret;

    private void enrol(String token) throws Exception {
        Response started = api.send("POST", "/api/auth/totp", null, "Authorization", "Bearer " + token);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        lastSecret = started.text("secret");
        Response confirmed = api.send("POST", "/api/auth/totp/confirm",
                JSON.writeValueAsString(Map.of("code", TwoFactorIntegrationTest.code(lastSecret, currentStep()))),
                "Authorization", "Bearer " + token);
        assertThat(confirmed.status()).isEqualTo(200);
    }

    private Response policy(String token) {
        return api.get("/api/business/security", token);
    }

    private Response setPolicy(String token, boolean required) {
        return api.send("PUT", "/api/business/security", "{\"requireTwoFactor\":" + required + "}",
                "Authorization", "Bearer " + token);
    }

    private void addMember(String businessId, String email, String role) {
        UUID userId = UUID.randomUUID();
        database.update("INSERT INTO users (id, email, password_hash) VALUES (?, ?, ?)", userId, email,
                new BCryptPasswordEncoder(4).encode(GOOD_PASSWORD));
        database.update("INSERT INTO memberships (business_id, user_id, role) VALUES (?::uuid, ?, ?)", businessId,
                userId, role);
    }

    private static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }
}
