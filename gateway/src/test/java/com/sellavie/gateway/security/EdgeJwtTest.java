package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.sellavie.gateway.Revocations;
import com.sellavie.gateway.RunningGateway;
import com.sellavie.gateway.StubService;
import com.sellavie.gateway.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The access-token check at the edge, against tokens forged with a test key whose JWKS WireMock
 * serves (as identity does) and the machine's Redis for the denylist. A refused request answers
 * 401 problem+json and never reaches the upstream.
 */
class EdgeJwtTest extends RunningGateway {

    private static final StubService CONVERSATION = new StubService("conversation");
    private static final StubService IDENTITY = new StubService("identity");
    private static final StubService INGEST = new StubService("ingest");

    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(1);

    @Autowired
    private StringRedisTemplate redis;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_CONVERSATION_URL", CONVERSATION::url);
        registry.add("SELLAVIE_IDENTITY_URL", IDENTITY::url);
        registry.add("SELLAVIE_INGEST_URL", INGEST::url);
        TestTokens.register(registry);
        // Short, so that each test's own key change is seen within seconds of the previous test's.
        registry.add("sellavie.gateway.jwt.jwks-refetch-min-interval", () -> REFETCH_INTERVAL.toString());
    }

    @BeforeEach
    void forget() {
        List.of(CONVERSATION, IDENTITY, INGEST).forEach(StubService::forget);
    }

    @AfterEach
    void servesTheOriginalKeyAgain() {
        TestTokens.serve(TestTokens.currentKey());
    }

    @AfterAll
    static void stop() {
        List.of(CONVERSATION, IDENTITY, INGEST).forEach(StubService::close);
    }

    @Test
    void validTokenReachesTheService() throws Exception {
        HttpResponse<String> response = get("/api/conversations", TestTokens.valid());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(CONVERSATION.received()).containsExactly("GET /api/conversations");
    }

    @Test
    void aRequestIsObservedOnceAsARequestNotOncePerSecurityFilterNorAsALongTask() throws Exception {
        assertThat(get("/api/conversations", TestTokens.valid()).statusCode()).isEqualTo(200);

        // The exchange's own timer (and trace span) stays; Spring Security's observations of the secured
        // exchange, of each filter and of each authorization (~22 % of the gateway's CPU in its profile) do not.
        assertThat(meters.find("http.server.requests").tag("status", "200").timer()).isNotNull();
        assertThat(meters.find("spring.security.http.secured.requests").meters()).isEmpty();
        assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
        assertThat(meters.find("spring.security.authorizations").meters()).isEmpty();
        // Nor a long-task timer of exchanges in flight beside the timer (application.yml's ignored-meters).
        assertThat(meters.find("http.server.requests.active").meters()).isEmpty();
    }

    @Test
    void missingTokenIsRefusedBeforeTheRoute() throws Exception {
        HttpResponse<String> response = get("/api/conversations", null);

        assertRefused(response);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(get("/api/conversations", TestTokens.token(TestTokens.currentKey(), "at+jwt",
                claims -> claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))))));
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        assertRefused(get("/api/conversations", TestTokens.token(TestTokens.currentKey(), "at+jwt",
                claims -> claims.issuer("someone-else"))));
    }

    @Test
    void wrongAudienceIsRefused() throws Exception {
        assertRefused(get("/api/conversations", TestTokens.token(TestTokens.currentKey(), "at+jwt",
                claims -> claims.audience("another-api"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "none-given"})
    void tokenThatIsNotAnAccessTokenIsRefused(String typ) throws Exception {
        // An ID token or today's untyped identity token: right key, right claims, wrong type.
        assertRefused(get("/api/conversations", TestTokens.token(TestTokens.currentKey(),
                typ.equals("none-given") ? null : typ, claims -> { })));
    }

    @Test
    void tokenWithoutSessionIdIsRefused() throws Exception {
        assertRefused(get("/api/conversations", TestTokens.token(TestTokens.currentKey(), "at+jwt",
                claims -> claims.claim("sid", null))));
    }

    @Test
    void tamperedTokenIsRefused() throws Exception {
        String[] parts = TestTokens.valid().split("\\.");
        String otherBusiness = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
                .replaceFirst("\"business_id\":\"[^\"]+\"", "\"business_id\":\"" + UUID.randomUUID() + "\"");
        String tampered = parts[0] + "." + Base64URL.encode(otherBusiness) + "." + parts[2];

        assertRefused(get("/api/conversations", tampered));
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        String[] parts = TestTokens.valid().split("\\.");
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"key-1\"}").toString();

        assertRefused(get("/api/conversations", header + "." + parts[1] + "."));
    }

    @Test
    void tokenOfAnUnknownKeyIsRefusedAfterTheJwksIsFetchedAgain() throws Exception {
        int fetchesBefore = TestTokens.jwksRequests();
        String stranger = TestTokens.token(TestTokens.newKey("stranger"), "at+jwt", claims -> { });

        // Within the refetch interval (an earlier test may have spent its fetches).
        await().atMost(REFETCH_INTERVAL.multipliedBy(5)).untilAsserted(() -> {
            assertRefused(get("/api/conversations", stranger));
            assertThat(TestTokens.jwksRequests()).isGreaterThan(fetchesBefore);
        });
    }

    @Test
    void tokenOfAKeyAddedByARotationIsAcceptedWithoutRestart() throws Exception {
        get("/api/conversations", TestTokens.valid()); // JWKS cached with key-1 only
        RSAKey rotated = TestTokens.newKey("key-2");
        TestTokens.serve(rotated, TestTokens.currentKey());

        String signedByTheNewKey = TestTokens.token(rotated, "at+jwt", claims -> { });

        // Within the refetch interval (an earlier test may have spent its fetches).
        await().atMost(REFETCH_INTERVAL.multipliedBy(5)).untilAsserted(() ->
                assertThat(get("/api/conversations", signedByTheNewKey).statusCode()).isEqualTo(200));
        assertThat(CONVERSATION.received()).hasSize(2);
    }

    @Test
    void tokenOfARevokedSessionIsRefused() throws Exception {
        String sid = UUID.randomUUID().toString();
        String token = TestTokens.token(TestTokens.currentKey(), "at+jwt", claims -> claims.claim("sid", sid));
        assertThat(get("/api/conversations", token).statusCode()).isEqualTo(200);
        CONVERSATION.forget();

        double revokedBefore = meters.counter("sellavie.gateway.tokens.revoked").count();
        Revocations.write(redis, Revocations.sessionKey(sid), "1");

        // Within one refresh of the gateway's copy of the denylist (a second); then never again past the edge.
        await().atMost(Duration.ofSeconds(3)).until(() -> get("/api/conversations", token).statusCode() == 401);
        CONVERSATION.forget();
        assertRefused(get("/api/conversations", token));
        assertThat(meters.counter("sellavie.gateway.tokens.revoked").count()).isGreaterThanOrEqualTo(revokedBefore + 1);
    }

    @Test
    void tokenIssuedBeforeTheMembersRevocationIsRefusedAndALaterOneAccepted() throws Exception {
        String business = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        Instant issued = Instant.now().minusSeconds(60);
        String before = TestTokens.token(TestTokens.currentKey(), "at+jwt", claims -> claims
                .subject(user).claim("business_id", business).issueTime(Date.from(issued)));
        String after = TestTokens.token(TestTokens.currentKey(), "at+jwt", claims -> claims
                .subject(user).claim("business_id", business).issueTime(Date.from(issued.plusSeconds(30))));

        Revocations.write(redis, Revocations.memberKey(business, user),
                Long.toString(issued.plusSeconds(10).getEpochSecond()));

        await().atMost(Duration.ofSeconds(3)).until(() -> get("/api/conversations", before).statusCode() == 401);
        CONVERSATION.forget();
        assertRefused(get("/api/conversations", before));
        assertThat(get("/api/conversations", after).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/login", "/api/auth/signup", "/api/auth/refresh", "/api/auth/logout",
            "/api/auth/mfa", "/api/auth/email-verification", "/api/auth/password-reset"})
    void publicAuthRoutesPassWithoutATokenAndIgnoreAnExpiredOne(String path) throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = TestTokens.token(TestTokens.currentKey(), "at+jwt",
                claims -> claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(900))));

        assertThat(post(path, null).statusCode()).isEqualTo(200);
        assertThat(post(path, expired).statusCode()).isEqualTo(200);
        assertThat(IDENTITY.received()).containsExactly("POST " + path, "POST " + path);
    }

    @Test
    void otherIdentityRoutesNeedAToken() throws Exception {
        assertRefused(get("/api/me", null));
        assertRefused(get("/api/auth/sessions", null));
    }

    @Test
    void aMemberWhoMustEnrolInTwoFactorReachesOnlyTheEnrolmentPaths() throws Exception {
        String mustEnrol = TestTokens.token(TestTokens.currentKey(), "at+jwt",
                claims -> claims.claim("mfa_enrolment_required", true));

        HttpResponse<String> refused = get("/api/conversations", mustEnrol);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"reason\":\"TWO_FACTOR_REQUIRED\"");
        assertThat(post("/api/business/security", mustEnrol).statusCode()).isEqualTo(403);
        assertThat(CONVERSATION.received()).isEmpty();
        assertThat(IDENTITY.received()).isEmpty();

        assertThat(post("/api/auth/totp", mustEnrol).statusCode()).isEqualTo(200);
        assertThat(post("/api/auth/totp/confirm", mustEnrol).statusCode()).isEqualTo(200);
        assertThat(get("/api/me", mustEnrol).statusCode()).isEqualTo(200);
        assertThat(IDENTITY.received()).containsExactly("POST /api/auth/totp", "POST /api/auth/totp/confirm",
                "GET /api/me");
        String enrolled = TestTokens.token(TestTokens.currentKey(), "at+jwt",
                claims -> claims.claim("mfa_enrolment_required", false));
        assertThat(get("/api/conversations", enrolled).statusCode()).isEqualTo(200);
    }

    @Test
    void webhooksAndJwksStayPublic() throws Exception {
        assertThat(post("/webhooks/meta", "not-a-token").statusCode()).isEqualTo(200);
        assertThat(get("/.well-known/jwks.json", null).statusCode()).isEqualTo(200);
        assertThat(INGEST.received()).containsExactly("POST /webhooks/meta");
        assertThat(IDENTITY.received()).containsExactly("GET /.well-known/jwks.json");
    }

    private void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":401");
        assertThat(List.of(CONVERSATION, IDENTITY, INGEST)).allSatisfy(s -> assertThat(s.received()).isEmpty());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
