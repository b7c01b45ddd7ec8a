package com.sellavie.platform.testservice;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sellavie.platform.tenancy.SellavieClaims;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Access tokens shaped like identity's, signed with an RSA key generated for this test JVM. */
public final class TestJwts {

    private static final KeyPair KEYS = generate();
    private static final NimbusJwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
            new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).privateKey(KEYS.getPrivate()).keyID("test").build())));

    private TestJwts() {
    }

    static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    /** A token of a member of {@code businessId} with {@code role}. */
    public static String member(UUID businessId, SellavieClaims.Role role) {
        return sign(JwtClaimsSet.builder()
                .claim(SellavieClaims.BUSINESS_ID, businessId.toString())
                .claim(SellavieClaims.ROLE, role.name()));
    }

    /** A token of a signed-in user who has not chosen a business. */
    public static String withoutBusiness() {
        return sign(JwtClaimsSet.builder().claim(SellavieClaims.ROLE, SellavieClaims.Role.AGENT.name()));
    }

    private static String sign(JwtClaimsSet.Builder claims) {
        Instant now = Instant.now();
        JwtClaimsSet set = claims.subject(UUID.randomUUID().toString())
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).build();
        return ENCODER.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), set))
                .getTokenValue();
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
