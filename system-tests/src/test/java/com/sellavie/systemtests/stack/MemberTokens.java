package com.sellavie.systemtests.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens of other members of a business (an AGENT, an ADMIN). Identity has no API yet to
 * invite a member (planned: {@code identity.members}), so the harness, which generated identity's
 * signing key, signs one as identity would: the owner's token (from a real log-in) with another
 * user id as {@code sub}, the given {@code role} and a fresh {@code jti}; same header ({@code kid},
 * {@code typ at+jwt}), issuer, audience, business, session ({@code sid}: the owner's logout revokes
 * it too) and expiry. The services validate it against identity's JWKS like any token.
 */
public final class MemberTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey signingKey;

    MemberTokens(Path privateKeyPem) {
        try {
            String pem = Files.readString(privateKeyPem, StandardCharsets.US_ASCII)
                    .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            this.signingKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("identity's signing key is not a PKCS#8 RSA key", e);
        }
    }

    /** A new member of the owner's business, with this role; their user id is the token's {@code sub}. */
    public Member newMember(String ownerAccessToken, String role) {
        String[] parts = ownerAccessToken.split("\\.");
        try {
            ObjectNode claims = (ObjectNode) JSON.readTree(DECODER.decode(parts[1]));
            String userId = UUID.randomUUID().toString();
            claims.put("sub", userId);
            claims.put("role", role);
            claims.put("jti", UUID.randomUUID().toString());
            String signingInput = parts[0] + "." + ENCODER.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new Member(userId, signingInput + "." + ENCODER.encodeToString(rs256.sign()));
        } catch (IOException e) {
            throw new UncheckedIOException("the owner's token is not a JWT", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A member's user id and access token. */
    public record Member(String userId, String accessToken) {
    }
}
