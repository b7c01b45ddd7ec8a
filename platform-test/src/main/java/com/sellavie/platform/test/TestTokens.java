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
 * Access tokens shaped like identity-service's (RS256, header {@code typ at+jwt}; claims {@code sub},
 * {@code business_id}, {@code role}, {@code amr}, {@code iss}, {@code aud}, {@code jti}, {@code sid},
 * {@code email_verified} (true: a member who confirmed their address; override it to test the gate):
 * the issue 9 contract), signed by a key made for this test JVM, and a real JWKS
 * endpoint publishing its public half. {@link SellavieTestInfrastructure} points every test
 * context's {@code jwk-set-uri} at it, so services validate test tokens exactly as they validate
 * identity's: over HTTP, by key id.
 */
public final class TestTokens {

    public static final String ISSUER = "sellavie-identity";
    public static final String AUDIENCE = "sellavie-api";
    public static final String TYPE = "at+jwt";
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
        return accessToken(businessId, userId, role, ttl, UUID.randomUUID());
    }

    /** As {@link #accessToken(UUID, UUID, String, Duration)}, issued in login session {@code sid}. */
    public static String accessToken(UUID businessId, UUID userId, String role, Duration ttl, UUID sid) {
        Instant now = Instant.now();
        return sign(claims(businessId, userId, role, now, ttl, sid).build(), TYPE);
    }

    /**
     * A token like {@link #accessToken(UUID, UUID, String)} but with some claims replaced (e.g. another
     * {@code aud} or {@code iss}) and the given header {@code typ}: for tests of what resource servers refuse.
     */
    public static String accessTokenWith(UUID businessId, UUID userId, String role, String type,
            java.util.Map<String, Object> overrides) {
        JwtClaimsSet.Builder builder = claims(businessId, userId, role, Instant.now(), Duration.ofMinutes(15),
                UUID.randomUUID());
        overrides.forEach(builder::claim);
        return sign(builder.build(), type);
    }

    private static JwtClaimsSet.Builder claims(UUID businessId, UUID userId, String role, Instant now, Duration ttl,
            UUID sid) {
        return JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(userId.toString())
                .claim("business_id", businessId.toString())
                .claim("role", role)
                .claim("amr", List.of("pwd"))
                .claim("sid", sid.toString())
                .claim("email_verified", true)
                .id(UUID.randomUUID().toString())
                .issuedAt(ttl.isNegative() ? now.plus(ttl).minusSeconds(60) : now)
                .expiresAt(now.plus(ttl));
    }

    private static String sign(JwtClaimsSet claims, String type) {
        JwsHeader.Builder header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY_ID);
        if (type != null) {
            header.type(type);
        }
        return ENCODER.encode(JwtEncoderParameters.from(header.build(), claims)).getTokenValue();
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
