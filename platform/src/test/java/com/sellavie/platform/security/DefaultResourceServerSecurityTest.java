package com.sellavie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

@IntegrationTest
@SpringBootTest(classes = SecuredTestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=secured-test", "sellavie.security.public-paths=/open/**",
            "sellavie.security.signed-paths=/signed/**"})
class DefaultResourceServerSecurityTest {

    private static final UUID BUSINESS = UUID.randomUUID();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    RedisConnectionFactory connections;

    @Autowired
    MeterRegistry meters;

    @Test
    void apiWithoutTokenIsRefusedAsProblemJson() throws Exception {
        HttpResponse<String> response = get("/api/whoami", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void tokenSignedByTheIdentityKeysActsForItsBusiness() throws Exception {
        HttpResponse<String> response = get("/api/whoami", TestTokens.ownerOf(BUSINESS));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BUSINESS.toString());
    }

    @Test
    void signedPathsSkipTheTokenChainWhilePublicPathsStillCheckAPresentedToken() throws Exception {
        String valid = TestTokens.ownerOf(BUSINESS);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);

        HttpResponse<String> signed = get("/signed/hook", forged);
        HttpResponse<String> open = get("/open/ping", forged);

        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.body()).isEqualTo("hook");
        assertThat(signed.headers().firstValue("X-Content-Type-Options")).isEmpty();
        assertThat(open.statusCode()).isEqualTo(401);
        assertThat(get("/open/ping", null).headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get("/api/whoami", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theFirewallRefusesASignedRequestWhoseHeaderCarriesAControlCharacter() throws Exception {
        // Byte 0x85 arrives as U+0085 (NEL, a C1 control), which Tomcat lets through as obs-text; 0xE9 as é.
        assertThat(statusLineOfSignedHook(new byte[] {'a', (byte) 0x85, 'b'})).isEqualTo("HTTP/1.1 400 ");
        assertThat(statusLineOfSignedHook(new byte[] {'a', '\t', 'b'})).isEqualTo("HTTP/1.1 200 ");
        assertThat(statusLineOfSignedHook(new byte[] {'a', (byte) 0xE9, 'b'})).isEqualTo("HTTP/1.1 200 ");
    }

    /** The status line of a GET of the signed path whose X-Signature header is {@code value}'s bytes, as sent. */
    private String statusLineOfSignedHook(byte[] value) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /signed/hook HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Signature: "
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(value);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf('\r'));
        }
    }

    @Test
    void aRequestIsObservedOnceAsARequestNotOncePerSecurityFilterNorAsALongTask() throws Exception {
        assertThat(get("/api/whoami", TestTokens.ownerOf(BUSINESS)).statusCode()).isEqualTo(200);
        assertThat(get("/api/whoami", null).statusCode()).isEqualTo(401);

        // The request's own timer (and trace span) and the authentication stay; Spring Security's
        // per-filter and per-authorization observations (most of a request's observation cost) do not.
        assertThat(meters.find("http.server.requests").tags("uri", "/api/whoami", "status", "200").timer()).isNotNull();
        assertThat(meters.find("http.server.requests").tag("status", "401").timer()).isNotNull();
        assertThat(meters.find("spring.security.authentications").timers()).isNotEmpty();
        assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
        assertThat(meters.find("spring.security.authorizations").meters()).isEmpty();
        // Nor a long-task timer of requests in flight beside the timer (platform defaults' ignored-meters).
        assertThat(meters.find("http.server.requests.active").meters()).isEmpty();
    }

    @Test
    void expiredOrForgedTokensAreRefused() throws Exception {
        String expired = TestTokens.accessToken(BUSINESS, UUID.randomUUID(), "OWNER", Duration.ofMinutes(-5));
        String valid = TestTokens.ownerOf(BUSINESS);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);

        assertThat(get("/api/whoami", expired).statusCode()).isEqualTo(401);
        assertThat(get("/api/whoami", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void tokensOfAnotherAudienceIssuerOrTypeAreRefused() throws Exception {
        UUID user = UUID.randomUUID();
        String otherAudience = TestTokens.accessTokenWith(BUSINESS, user, "OWNER", TestTokens.TYPE,
                Map.of("aud", java.util.List.of("another-api")));
        String otherIssuer = TestTokens.accessTokenWith(BUSINESS, user, "OWNER", TestTokens.TYPE,
                Map.of("iss", "someone-else"));
        String plainJwt = TestTokens.accessTokenWith(BUSINESS, user, "OWNER", "JWT", Map.of());
        String untyped = TestTokens.accessTokenWith(BUSINESS, user, "OWNER", null, Map.of());

        assertThat(get("/api/whoami", otherAudience).statusCode()).isEqualTo(401);
        assertThat(get("/api/whoami", otherIssuer).statusCode()).isEqualTo(401);
        assertThat(get("/api/whoami", plainJwt).statusCode()).isEqualTo(401);
        assertThat(get("/api/whoami", untyped).statusCode()).isEqualTo(401);
    }

    @Test
    void tokensWithMadeUpKeyIdsDoNotFetchIdentitysKeysOnEveryRequest() throws Exception {
        assertThat(get("/api/whoami", TestTokens.ownerOf(BUSINESS)).statusCode()).isEqualTo(200);
        double fetchedBefore = jwksFetches("fetched");
        RSAKey attacker = new RSAKeyGenerator(2048).generate();

        for (int i = 0; i < 30; i++) {
            String forged = signed(new RSAKey.Builder(attacker).keyID("random-" + UUID.randomUUID()).build());
            assertThat(get("/api/whoami", forged).statusCode()).isEqualTo(401);
        }

        // Nimbus' rate limit allows two fetches per interval (one may be the cache's own refresh).
        assertThat(jwksFetches("fetched") - fetchedBefore).isLessThanOrEqualTo(2);
        assertThat(jwksFetches("rate_limited")).isGreaterThanOrEqualTo(28);
        assertThat(get("/api/whoami", TestTokens.ownerOf(BUSINESS)).statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedSessionsTokensAreRefusedAtOnce() throws Exception {
        UUID sid = UUID.randomUUID();
        String token = TestTokens.accessToken(BUSINESS, UUID.randomUUID(), "OWNER", Duration.ofMinutes(15), sid);
        assertThat(get("/api/whoami", token).statusCode()).isEqualTo(200);

        redis.opsForValue().set(RevocationKeys.session(sid), "1", RevocationKeys.TTL);

        HttpResponse<String> refused = get("/api/whoami", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/api/whoami", TestTokens.ownerOf(BUSINESS)).statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberRevocationKillsTheTokensIssuedBeforeItOnly() throws Exception {
        UUID user = UUID.randomUUID();
        String before = TestTokens.accessToken(BUSINESS, user, "ADMIN");
        redis.opsForValue().set(RevocationKeys.member(BUSINESS, user),
                Long.toString(Instant.now().getEpochSecond()), RevocationKeys.TTL);

        assertThat(get("/api/whoami", before).statusCode()).isEqualTo(401);
        // Another member of the same business is untouched.
        assertThat(get("/api/whoami", TestTokens.accessToken(BUSINESS, UUID.randomUUID(), "ADMIN")).statusCode())
                .isEqualTo(200);
        // A token issued after the revocation time (a new log-in with the new role) works.
        redis.opsForValue().set(RevocationKeys.member(BUSINESS, user),
                Long.toString(Instant.now().minusSeconds(5).getEpochSecond()), RevocationKeys.TTL);
        assertThat(get("/api/whoami", TestTokens.accessToken(BUSINESS, user, "AGENT")).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenThatMustEnrolInTwoFactorOpensOnlyTheEnrolmentPaths() throws Exception {
        String mustEnrol = TestTokens.accessTokenWith(BUSINESS, UUID.randomUUID(), "OWNER", TestTokens.TYPE,
                Map.of(AccessTokenClaims.MFA_ENROLMENT_REQUIRED, true));

        HttpResponse<String> refused = get("/api/whoami", mustEnrol);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"reason\":\"TWO_FACTOR_REQUIRED\"").doesNotContain(BUSINESS.toString());
        assertThat(get("/api/me", mustEnrol).statusCode()).isEqualTo(200);
        String enrolled = TestTokens.accessTokenWith(BUSINESS, UUID.randomUUID(), "OWNER", TestTokens.TYPE,
                Map.of(AccessTokenClaims.MFA_ENROLMENT_REQUIRED, false));
        assertThat(get("/api/whoami", enrolled).statusCode()).isEqualTo(200);
    }

    @Test
    void declaredPublicPathsAndHealthNeedNoToken() throws Exception {
        assertThat(get("/open/ping", null).body()).isEqualTo("pong");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void internalPathsStayClosedEvenWithAToken() throws Exception {
        assertThat(get("/internal/secret", TestTokens.ownerOf(BUSINESS)).statusCode()).isEqualTo(403);
    }

    private double jwksFetches(String outcome) {
        return meters.counter(IdentityJwks.REFETCH_METER, "outcome", outcome).count();
    }

    /** An access token like identity's, signed by {@code key} (a key identity never published). */
    private static String signed(RSAKey key) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType(TestTokens.TYPE)).build(),
                new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer(TestTokens.ISSUER)
                        .audience(TestTokens.AUDIENCE).claim("business_id", BUSINESS.toString()).claim("role", "OWNER")
                        .claim("sid", UUID.randomUUID().toString()).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void whileEveryDenylistConnectionIsBusyARequestWaitsOnlyTheBoundThenIsRefusedAndIsServedOnceOneIsFree()
            throws Exception {
        // The pool's 16 connections (sellavie-platform-defaults.yml), all held elsewhere.
        List<RedisConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                held.add(connections.getConnection());
            }
            long started = System.nanoTime();
            HttpResponse<String> refused = get("/api/whoami", TestTokens.ownerOf(BUSINESS));
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("\"title\":\"Authentication temporarily unavailable\"");
            assertThat(millis).isBetween(450L, 3_000L); // waited for a connection, 500 ms, not forever
        } finally {
            held.forEach(RedisConnection::close);
        }
        assertThat(get("/api/whoami", TestTokens.ownerOf(BUSINESS)).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        // Bounded, so a request that waits on Redis for ever fails the test instead of hanging it.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
