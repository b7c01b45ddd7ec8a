package com.sellavie.identity.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key identity signs with (private and public halves, with its key id) and the retired key still
 * honoured during a rotation (public half only).
 */
public record SigningKeys(RSAKey current, Optional<RSAKey> previous) {

    public SigningKeys {
        if (!current.isPrivate()) {
            throw new IllegalArgumentException("The current signing key needs its private half");
        }
        previous = previous.map(RSAKey::toPublicJWK);
    }

    /** The key id ({@code kid}) tokens are signed under now. */
    public String currentKeyId() {
        return current.getKeyID();
    }

    /** Public keys only: what the JWKS endpoint serves and what verifies tokens. */
    public JWKSet publicKeys() {
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        keys.add(current.toPublicJWK());
        previous.ifPresent(keys::add);
        return new JWKSet(keys);
    }
}
