package com.sellavie.identity.token;

import static com.sellavie.identity.support.IdentityApi.GOOD_PASSWORD;
import static com.sellavie.identity.support.IdentityApi.newBusinessName;
import static com.sellavie.identity.support.IdentityApi.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityApi.Response;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.TestKeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Identity restarted mid-rotation: a new signing key, the retired key's public half configured as the
 * previous key. Tokens the retired key signed before the switch still work until they expire; new
 * tokens carry the new key's id; the JWKS serves both, so every resource server verifies both.
 */
@IdentityIntegrationTest
class KeyRotationIntegrationTest {

    private static final KeyPair RETIRED = TestKeyFiles.rsa(2048);
    private static final Path RETIRED_PUBLIC = writeRetiredPublicKey();

    @LocalServerPort
    int port;

    private IdentityApi api;

    @DynamicPropertySource
    static void previousKey(DynamicPropertyRegistry registry) {
        registry.add("sellavie.identity.jwt.previous-public-key-file", RETIRED_PUBLIC::toString);
    }

    @BeforeEach
    void connect() {
        api = new IdentityApi(port);
    }

    @Test
    void theJwksServesTheCurrentAndThePreviousKey() throws Exception {
        String newToken = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName()).text("accessToken");
        String currentKid = SignedJWT.parse(newToken).getHeader().getKeyID();

        JsonNode keys = api.get("/.well-known/jwks.json", null).json().path("keys");

        assertThat(keys).hasSize(2);
        assertThat(keys.findValuesAsString("kid")).containsExactlyInAnyOrder(currentKid, retiredKid());
        assertThat(keys.findValues("d")).isEmpty();
    }

    @Test
    void aTokenSignedByTheRetiredKeyBeforeTheSwitchStaysValidUntilItExpires() throws Exception {
        Response owner = api.signUp(newEmail(), GOOD_PASSWORD, newBusinessName());
        String user = owner.json().path("user").path("id").asString();
        String business = owner.json().path("business").path("id").asString();

        String stillValid = signedByRetiredKey(user, business, Instant.now().plusSeconds(600));
        String expired = signedByRetiredKey(user, business, Instant.now().minusSeconds(120));

        assertThat(api.get("/api/me", stillValid).status()).isEqualTo(200);
        assertThat(api.get("/api/me", expired).status()).isEqualTo(401);
        assertThat(SignedJWT.parse(owner.text("accessToken")).getHeader().getKeyID()).isNotEqualTo(retiredKid());
    }

    private static String signedByRetiredKey(String user, String business, Instant expiresAt) throws Exception {
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(15));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("sellavie-identity").audience(List.of("sellavie-api")).subject(user)
                .claim("business_id", business).claim("role", "OWNER").claim("amr", List.of("pwd"))
                .claim("sid", UUID.randomUUID().toString()).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(retiredKid()).build(), claims);
        jwt.sign(new RSASSASigner(RETIRED.getPrivate()));
        return jwt.serialize();
    }

    private static String retiredKid() {
        RSAKey key = SigningKeyLoader.publicKey(RETIRED_PUBLIC);
        return key.getKeyID();
    }

    private static Path writeRetiredPublicKey() {
        try {
            Path file = Files.createTempFile("identity-retired-jwt-", ".pem");
            file.toFile().deleteOnExit();
            return TestKeyFiles.writePublicKey(RETIRED, file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
