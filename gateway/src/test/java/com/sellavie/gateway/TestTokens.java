package com.sellavie.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Identity's side of the edge check, forged for tests: a JWKS served by WireMock (shaped like
 * identity's {@code /.well-known/jwks.json}) with keys made here, and access tokens shaped as the
 * issue 9 contract says.
 */
public final class TestTokens {

    public static final String ISSUER = "sellavie-identity";
    public static final String AUDIENCE = "sellavie-api";

    private static WireMockServer jwks;
    private static final RSAKey KEY = newKey("key-1");

    private TestTokens() {
    }

    public static synchronized String jwksUrl() {
        if (jwks == null) {
            jwks = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            jwks.start();
            serve(KEY);
        }
        return jwks.baseUrl() + "/.well-known/jwks.json";
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("sellavie.gateway.jwt.jwk-set-uri", TestTokens::jwksUrl);
    }

    /** Serves these keys' public halves from now on (a rotation). */
    public static synchronized void serve(RSAKey... keys) {
        jwksUrl();
        String body = new JWKSet(List.of(keys)).toPublicJWKSet().toString();
        jwks.stubFor(get(urlEqualTo("/.well-known/jwks.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    public static int jwksRequests() {
        return jwks.getAllServeEvents().size();
    }

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static RSAKey currentKey() {
        return KEY;
    }

    /** A valid access token of business {@code businessId}. */
    public static String valid(String businessId) {
        return token(KEY, "at+jwt", claims -> claims.claim("business_id", businessId));
    }

    public static String valid() {
        return valid(UUID.randomUUID().toString());
    }

    /** A token signed by {@code key} with header type {@code typ}; {@code changes} edit the contract's claims. */
    public static String token(RSAKey key, String typ, Consumer<JWTClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(List.of(AUDIENCE)).subject(UUID.randomUUID().toString())
                .claim("business_id", UUID.randomUUID().toString()).claim("role", "OWNER").claim("amr", List.of("pwd"))
                .jwtID(UUID.randomUUID().toString()).claim("sid", UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)));
        changes.accept(claims);
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
