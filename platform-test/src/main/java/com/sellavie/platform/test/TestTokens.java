package com.sellavie.platform.test;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Access tokens shaped like identity-service's (RS256; claims {@code sub}, {@code business_id},
 * {@code role}, {@code amr}, {@code iss}), signed by a key made for this test JVM, and a real JWKS
 * endpoint publishing its public half. {@link SellavieTestInfrastructure} points every test
 * context's {@code jwk-set-uri} at it, so services validate test tokens exactly as they validate
 * identity's: over HTTP, by key id.
 */
public final class TestTokens {

    public static final String ISSUER = "sellavie-identity";
    private static final String KEY_ID = "test-" + UUID.randomUUID();
    private static final KeyPair KEYS = generate();
    private static final RSAKey JWK = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic())
            .privateKey(KEYS.getPrivate()).keyID(KEY_ID).build();
    private static final NimbusJwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(JWK)));
    private static volatile String jwksUri;

    private TestTokens() {
    }

    /** A token of {@code userId}, acting for {@code businessId} with {@code role} (OWNER, ADMIN, AGENT). */
    public static String accessToken(UUID businessId, UUID userId, String role) {
        return accessToken(businessId, userId, role, Duration.ofMinutes(15));
    }

    /** As {@link #accessToken(UUID, UUID, String)}, valid for {@code ttl} (negative: already expired). */
    public static String accessToken(UUID businessId, UUID userId, String role, Duration ttl) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim("business_id", businessId.toString())
                .claim("role", role)
                .claim("amr", List.of("pwd"))
                .issuedAt(ttl.isNegative() ? now.plus(ttl).minusSeconds(60) : now)
                .expiresAt(now.plus(ttl))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY_ID).build();
        return ENCODER.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** A token for a new random user who owns {@code businessId}. */
    public static String ownerOf(UUID businessId) {
        return accessToken(businessId, UUID.randomUUID(), "OWNER");
    }

    /** The URL of this JVM's JWKS endpoint (started on first use). */
    public static String jwksUri() {
        if (jwksUri == null) {
            synchronized (TestTokens.class) {
                if (jwksUri == null) {
                    jwksUri = serveJwks();
                }
            }
        }
        return jwksUri;
    }

    private static String serveJwks() {
        byte[] body = new JWKSet(JWK.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-shutdown"));
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test JWKS endpoint", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
