package com.sellavie.systemtests.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An RS256 key standing in for identity's, for benchmarks that run the gateway without identity: its
 * JWKS and access tokens shaped as identity issues them (issue 9 contract: {@code typ at+jwt}, {@code iss},
 * {@code aud}, {@code sub}, {@code sid}, {@code business_id}, {@code iat}, {@code exp}).
 */
final class BenchSigningKey {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String kid = "bench-" + UUID.randomUUID();

    BenchSigningKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    /** The JWKS document holding the public key. */
    String jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}"""
                .formatted(kid, unsigned(key.getModulus().toByteArray()),
                        unsigned(key.getPublicExponent().toByteArray()));
    }

    /** An access token of {@code businessId}, valid for {@code lifetimeSeconds}. */
    String accessToken(String businessId, long lifetimeSeconds) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        String header = """
                {"alg":"RS256","typ":"at+jwt","kid":"%s"}""".formatted(kid);
        String claims = """
                {"iss":"sellavie-identity","aud":["sellavie-api"],"sub":"%s","sid":"%s","business_id":"%s",\
                "iat":%d,"exp":%d}""".formatted(UUID.randomUUID(), UUID.randomUUID(), businessId, now,
                now + lifetimeSeconds);
        String signingInput = encode(header) + "." + encode(claims);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** JWK big integers are unsigned big-endian: drop the sign byte Java adds. */
    private static String unsigned(byte[] twosComplement) {
        int skip = twosComplement.length > 1 && twosComplement[0] == 0 ? 1 : 0;
        byte[] bytes = new byte[twosComplement.length - skip];
        System.arraycopy(twosComplement, skip, bytes, 0, bytes.length);
        return BASE64URL.encodeToString(bytes);
    }
}
