package com.sellavie.identity.session;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.ServedJwks;
import com.sellavie.platform.security.RevocationKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Login sessions over real HTTP: the cookie, rotation, reuse, races, logout, the session list, the denylist. */
@IdentityIntegrationTest
class SessionsIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Autowired
    RevocationList revocations;

    @Autowired
    StringRedisTemplate redis;

    private IdentityApi api;
    private IdentityDatabase database;

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
        database = new IdentityDatabase(databaseUrl);
    }

    @Test
    void logInSetsAHardenedRefreshCookieAndStoresOnlyItsHash() {
        String email = newEmail();
        api.signUp(email, GOOD_PASSWORD, newBusinessName());

        Response login = api.logIn(email, GOOD_PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().has("accessToken")).isTrue();
        assertThat(login.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.json().path("user").path("email").asString()).isEqualTo(email);
        assertThat(login.json().has("business")).isTrue();
        String cookie = login.refreshCookieHeader().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/auth")
                .containsPattern("Max-Age=259\\d{4}");
        String refreshToken = login.refreshToken().orElseThrow();
        assertThat(refreshToken).matches("[A-Za-z0-9_-]{43}");
        assertThat(login.body()).doesNotContain(refreshToken);
        assertThat(database.countWith("SELECT count(*) FROM refresh_tokens WHERE token_hash = sha256(convert_to(?, 'UTF8'))",
                refreshToken)).isEqualTo(1);
        assertThat(database.countWith("SELECT count(*) FROM refresh_tokens WHERE encode(token_hash, 'escape') LIKE ?",
                "%" + refreshToken + "%")).isZero();
    }

    @Test
    void accessTokensCarryTheContractsClaims() throws Exception {
        Response signedUp = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String token = signedUp.text("accessToken");

        SignedJWT jwt = SignedJWT.parse(token);
        JWTClaimsSet claims = ServedJwks.verify(api, token);

        assertThat(jwt.getHeader().getType().toString()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(claims.getIssuer()).isEqualTo("sellavie-identity");
        assertThat(claims.getAudience()).containsExactly("sellavie-api");
        assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        String sid = claims.getStringClaim("sid");
        JsonNode sessions = api.get("/api/auth/sessions", token).json().path("sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).path("id").asString()).isEqualTo(sid);
        assertThat(sessions.get(0).path("current").asBoolean()).isTrue();
    }

    @Test
    void refreshRotatesTheTokenWithinTheSameSession() throws Exception {
        Response login = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String first = login.refreshToken().orElseThrow();

        Response refreshed = api.refreshWithCookie(first);

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().path("user")).isEqualTo(login.json().path("user"));
        assertThat(refreshed.json().path("business")).isEqualTo(login.json().path("business"));
        String second = refreshed.refreshToken().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.refreshCookieHeader().orElseThrow()).contains("HttpOnly", "Secure", "SameSite=Strict");
        assertThat(sid(refreshed.text("accessToken"))).isEqualTo(sid(login.text("accessToken")));
        assertThat(api.get("/api/me", refreshed.text("accessToken")).status()).isEqualTo(200);
        assertThat(api.refreshWithCookie(second).status()).isEqualTo(200);
    }

    @Test
    void nonBrowserClientsRefreshWithTheTokenInTheBody() {
        String token = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName()).refreshToken().orElseThrow();

        Response refreshed = api.post("/api/auth/refresh", "{\"refreshToken\":\"" + token + "\"}");

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.refreshToken()).isPresent();
    }

    @Test
    void unknownOrMissingRefreshTokensAreUnauthorized() {
        Response unknown = api.refreshWithCookie("A".repeat(43));
        Response missing = api.send("POST", "/api/auth/refresh", null);
        Response garbage = api.post("/api/auth/refresh", "{\"refreshToken\":\"not a token\"}");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.refreshCookieHeader().orElseThrow()).contains("Max-Age=0");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(garbage.status()).isEqualTo(401);
    }

    @Test
    void aSpentTokenPresentedAgainRevokesTheWholeSessionAndItsAccessTokens() {
        Response login = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String stolen = login.refreshToken().orElseThrow();
        String second = api.refreshWithCookie(stolen).refreshToken().orElseThrow();
        Response third = api.refreshWithCookie(second);
        String sid = sid(third.text("accessToken"));
        assertThat(api.get("/api/me", third.text("accessToken")).status()).isEqualTo(200);

        Response replay = api.refreshWithCookie(stolen);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(api.refreshWithCookie(third.refreshToken().orElseThrow()).status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(api.get("/api/me", third.text("accessToken")).status()).isEqualTo(401);
            assertThat(api.get("/api/me", login.text("accessToken")).status()).isEqualTo(401);
        });
        assertThat(database.countWith("SELECT count(*) FROM security_events WHERE session_id = ?::uuid AND kind = ?",
                sid, "REFRESH_TOKEN_REUSE")).isEqualTo(1);
        assertThat(database.countWith("SELECT count(*) FROM sessions WHERE id = ?::uuid AND revoked_reason = ?",
                sid, "REFRESH_TOKEN_REUSE")).isEqualTo(1);
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenExactlyOneWinsAndTheLosersMayRetry() throws Exception {
        Response login = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String token = login.refreshToken().orElseThrow();
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.refreshWithCookie(token);
                }, pool));
            }
            start.countDown();
        }
        List<Response> responses = answers.stream().map(CompletableFuture::join).toList();

        List<Response> winners = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409).count()).isEqualTo(racers - 1);
        // The losers did not kill the session: the winner's successor still rotates.
        assertThat(api.refreshWithCookie(winners.get(0).refreshToken().orElseThrow()).status()).isEqualTo(200);
    }

    @Test
    void logOutEndsTheSessionClearsTheCookieAndKillsItsAccessTokens() {
        Response login = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String refreshToken = login.refreshToken().orElseThrow();

        Response logout = api.send("POST", "/api/auth/logout", null, "Cookie", "sellavie_refresh=" + refreshToken);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.refreshCookieHeader().orElseThrow()).contains("Max-Age=0", "Path=/api/auth");
        assertThat(api.refreshWithCookie(refreshToken).status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.get("/api/me", login.text("accessToken")).status()).isEqualTo(401));
    }

    @Test
    void logOutWithOnlyTheAccessTokenEndsItsSession() {
        Response login = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());

        Response logout = api.send("POST", "/api/auth/logout", null,
                "Authorization", "Bearer " + login.text("accessToken"));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(api.get("/api/me", login.text("accessToken")).status()).isEqualTo(401);
        assertThat(api.refreshWithCookie(login.refreshToken().orElseThrow()).status()).isEqualTo(401);
    }

    @Test
    void theSessionListShowsEachDeviceAndAddressAndWhichIsCurrent() {
        String email = newEmail();
        api.signUp(email, GOOD_PASSWORD, newBusinessName());
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + GOOD_PASSWORD + "\"}";
        Response phone = api.send("POST", "/api/auth/login", body, "User-Agent", "Phone/1.0",
                "X-Forwarded-For", "203.0.113.7, 10.0.0.1");
        Response laptop = api.send("POST", "/api/auth/login", body, "User-Agent", "Laptop/2.0",
                "X-Forwarded-For", "198.51.100.9");

        Response list = api.get("/api/auth/sessions", laptop.text("accessToken"));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.cacheControl()).contains("no-store");
        JsonNode sessions = list.json().path("sessions");
        assertThat(sessions).hasSize(3);
        JsonNode current = find(sessions, sid(laptop.text("accessToken")));
        assertThat(current.path("current").asBoolean()).isTrue();
        assertThat(current.path("device").asString()).isEqualTo("Laptop/2.0");
        assertThat(current.path("ip").asString()).isEqualTo("198.51.100.9");
        assertThat(current.has("createdAt") && current.has("lastUsedAt")).isTrue();
        JsonNode other = find(sessions, sid(phone.text("accessToken")));
        assertThat(other.path("current").asBoolean()).isFalse();
        assertThat(other.path("device").asString()).isEqualTo("Phone/1.0");
        assertThat(other.path("ip").asString()).isEqualTo("203.0.113.7");
    }

    @Test
    void deletingOneOfMySessionsEndsItAndItsAccessTokens() {
        String email = newEmail();
        Response first = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        Response second = api.logIn(email, GOOD_PASSWORD);

        Response deleted = api.send("DELETE", "/api/auth/sessions/" + sid(first.text("accessToken")), null,
                "Authorization", "Bearer " + second.text("accessToken"));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/me", first.text("accessToken")).status()).isEqualTo(401);
        assertThat(api.refreshWithCookie(first.refreshToken().orElseThrow()).status()).isEqualTo(401);
        assertThat(api.get("/api/me", second.text("accessToken")).status()).isEqualTo(200);
        assertThat(api.get("/api/auth/sessions", second.text("accessToken")).json().path("sessions")).hasSize(1);
    }

    @Test
    void anotherBusinesssSessionIsNotFoundAndUntouched() {
        Response victim = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        Response other = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String victimSid = sid(victim.text("accessToken"));

        Response attempt = api.send("DELETE", "/api/auth/sessions/" + victimSid, null,
                "Authorization", "Bearer " + other.text("accessToken"));

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(attempt.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/auth/sessions", other.text("accessToken")).body()).doesNotContain(victimSid);
        assertThat(api.get("/api/me", victim.text("accessToken")).status()).isEqualTo(200);
        assertThat(api.refreshWithCookie(victim.refreshToken().orElseThrow()).status()).isEqualTo(200);
    }

    @Test
    void anotherMemberOfTheSameBusinessCannotSeeOrEndMySessions() {
        Response owner = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String agentEmail = newEmail();
        addMember(owner.json().path("business").path("id").asString(), agentEmail, "AGENT");
        Response agent = api.logIn(agentEmail, GOOD_PASSWORD);
        assertThat(agent.json().path("business")).isEqualTo(owner.json().path("business"));
        String ownerSid = sid(owner.text("accessToken"));

        Response attempt = api.send("DELETE", "/api/auth/sessions/" + ownerSid, null,
                "Authorization", "Bearer " + agent.text("accessToken"));
        Response agentsList = api.get("/api/auth/sessions", agent.text("accessToken"));

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(agentsList.status()).isEqualTo(200);
        assertThat(agentsList.json().path("sessions")).hasSize(1);
        assertThat(agentsList.body()).doesNotContain(ownerSid);
        assertThat(api.get("/api/me", owner.text("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void sessionEndpointsNeedAnAccessTokenAndUnknownIdsAreNotFound() {
        Response owner = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());

        assertThat(api.get("/api/auth/sessions", null).status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/auth/sessions/" + UUID.randomUUID(), null).status()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/auth/sessions/" + UUID.randomUUID(), null,
                "Authorization", "Bearer " + owner.text("accessToken")).status()).isEqualTo(404);
        assertThat(api.send("DELETE", "/api/auth/sessions/not-a-uuid", null,
                "Authorization", "Bearer " + owner.text("accessToken")).status()).isEqualTo(404);
    }

    @Test
    void aMemberRevocationKillsTheMembersEarlierAccessTokens() {
        String email = newEmail();
        Response owner = api.signUp(email, GOOD_PASSWORD, newBusinessName());
        UUID businessId = UUID.fromString(owner.json().path("business").path("id").asString());
        UUID userId = UUID.fromString(owner.json().path("user").path("id").asString());

        revocations.revokeMember(businessId, userId);

        // Its line in the index the gateways copy, until the entry expires (Redis' clock, this machine's here).
        Double expires = redis.opsForZSet().score(RevocationKeys.INDEX, RevocationKeys.member(businessId, userId));
        assertThat(expires).isNotNull();
        assertThat(expires.longValue() - System.currentTimeMillis())
                .isBetween(RevocationKeys.TTL.toMillis() - 60_000, RevocationKeys.TTL.toMillis() + 1_000);
        assertThat(redis.getExpire(RevocationKeys.member(businessId, userId))).isGreaterThan(15 * 60);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(api.get("/api/me", owner.text("accessToken")).status()).isEqualTo(401));
        // A token issued in a later second (a new log-in, e.g. with a new role) passes.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(api.get("/api/me",
                api.logIn(email, GOOD_PASSWORD).text("accessToken")).status()).isEqualTo(200));
    }

    private void addMember(String businessId, String email, String role) {
        UUID userId = UUID.randomUUID();
        database.update("INSERT INTO users (id, email, password_hash) VALUES (?, ?, ?)", userId, email,
                new BCryptPasswordEncoder(4).encode(GOOD_PASSWORD));
        database.update("INSERT INTO memberships (business_id, user_id, role) VALUES (?::uuid, ?, ?)", businessId,
                userId, role);
    }

    private static JsonNode find(JsonNode sessions, String id) {
        for (JsonNode session : sessions) {
            if (session.path("id").asString().equals(id)) {
                return session;
            }
        }
        throw new AssertionError("No session " + id + " in " + sessions);
    }

    private static String sid(String accessToken) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringClaim("sid");
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
