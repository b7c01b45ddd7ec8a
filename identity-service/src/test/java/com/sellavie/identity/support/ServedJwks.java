package com.sellavie.identity.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;

/** Verifies a token the way another service would: against the keys identity serves at its JWKS URL. */
public final class ServedJwks {

    private ServedJwks() {
    }

    /** The token's claims, once its RS256 signature checks out against the served key with its kid. */
    public static JWTClaimsSet verify(IdentityApi api, String token) {
        try {
            JWKSet jwks = JWKSet.parse(api.get("/.well-known/jwks.json", null).body());
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw new AssertionError("Not RS256: " + jwt.getHeader().getAlgorithm());
            }
            JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                throw new AssertionError("The JWKS has no key " + jwt.getHeader().getKeyID());
            }
            if (!jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
                throw new AssertionError("The signature does not verify against the served key");
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }
}
