package com.sellavie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Identity's keys as a resource server holds them, against a JWKS endpoint standing for identity's
 * that counts its fetches: tokens with made-up key ids do not refetch the keys each time, and a real
 * key rotation is still picked up.
 */
class IdentityJwksTest {

    /** Long enough that a slow, busy machine stays within one interval during a test. */
    private static final Duration LONG_INTERVAL = Duration.ofSeconds(30);
    private static final Duration SHORT_INTERVAL = Duration.ofSeconds(5);

    private final AtomicReference<JWKSet> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private HttpServer server;
    private IdentityJwks keys;
    private JwtDecoder decoder;

    @BeforeEach
    void serveJwks() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The decoder a resource server builds, refetching at most twice per {@code interval}. */
    private void decoderRefetchingEvery(Duration interval) {
        SecurityProperties.Jwks settings = new SecurityProperties.Jwks();
        settings.setRefetchMinInterval(interval);
        keys = new IdentityJwks("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json",
                settings, meters);
        SecurityProperties.Jwt jwt = new SecurityProperties.Jwt();
        decoder = ResourceServerAutoConfiguration.jwtDecoder(keys,
                List.of(TokenValidators.type(), TokenValidators.issuer(jwt), TokenValidators.audience(jwt)));
    }

    @AfterEach
    void stop() throws Exception {
        keys.close();
        server.stop(0);
    }

    @Test
    void tokensWithUnknownKeyIdsFetchTheKeysAgainAtMostOnceWithinTheInterval() throws Exception {
        decoderRefetchingEvery(LONG_INTERVAL);
        RSAKey current = newKey();
        served.set(new JWKSet(current.toPublicJWK()));
        assertThat(decoder.decode(token(current)).getSubject()).isNotNull();
        assertThat(fetches).hasValue(1);

        RSAKey attacker = newKey();
        for (int i = 0; i < 50; i++) {
            String forged = token(new RSAKey.Builder(attacker).keyID("random-" + UUID.randomUUID()).build());
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
        }

        assertThat(fetches).as("one refetch for fifty unknown key ids").hasValue(2);
        assertThat(meters.counter(IdentityJwks.REFETCH_METER, "outcome", "fetched").count()).isEqualTo(2);
        assertThat(meters.counter(IdentityJwks.REFETCH_METER, "outcome", "rate_limited").count()).isEqualTo(49);
        assertThat(decoder.decode(token(current)).getSubject()).as("known keys still work, from the cache")
                .isNotNull();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRotatedKeyIsAcceptedAtOnce() throws Exception {
        decoderRefetchingEvery(LONG_INTERVAL);
        RSAKey previous = newKey();
        served.set(new JWKSet(previous.toPublicJWK()));
        assertThat(decoder.decode(token(previous)).getSubject()).isNotNull();

        RSAKey current = newKey();
        served.set(new JWKSet(List.of(current.toPublicJWK(), previous.toPublicJWK())));

        assertThat(decoder.decode(token(current)).getSubject()).isNotNull();
        assertThat(decoder.decode(token(previous)).getSubject()).isNotNull();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aRotatedKeyIsAcceptedOnceTheIntervalHasPassedEvenAfterForgedKeyIdsSpentTheRefetch() throws Exception {
        RSAKey previous = newKey();
        RSAKey current = newKey();
        String forged = token(newKey());
        String rotated = token(current);
        decoderRefetchingEvery(SHORT_INTERVAL);
        served.set(new JWKSet(previous.toPublicJWK()));
        assertThat(decoder.decode(token(previous)).getSubject()).isNotNull();
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);

        served.set(new JWKSet(List.of(current.toPublicJWK(), previous.toPublicJWK())));
        assertThatThrownBy(() -> decoder.decode(rotated)).as("within the interval: refused, not fetched")
                .isInstanceOf(BadJwtException.class);
        assertThat(fetches).hasValue(2);

        await().atMost(SHORT_INTERVAL.multipliedBy(5)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThatCode(() -> decoder.decode(rotated)).doesNotThrowAnyException());
        assertThat(fetches).hasValue(3);
    }

    private static RSAKey newKey() throws Exception {
        return new RSAKeyGenerator(2048).keyID("key-" + UUID.randomUUID()).generate();
    }

    private static String token(RSAKey key) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(),
                new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer("sellavie-identity")
                        .audience("sellavie-api").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
