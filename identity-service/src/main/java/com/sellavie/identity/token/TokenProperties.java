package com.sellavie.identity.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How identity signs access tokens.
 *
 * @param accessTokenTtl lifetime of an access token (default 15 minutes)
 * @param jwt            the signing key files
 */
@ConfigurationProperties("sellavie.identity")
public record TokenProperties(Duration accessTokenTtl, Jwt jwt) {

    public TokenProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        jwt = jwt == null ? new Jwt(null, null) : jwt;
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("sellavie.identity.access-token-ttl must be positive");
        }
    }

    /**
     * @param privateKeyFile         PKCS#8 PEM RSA private key (2048 bits or more) that signs tokens; required
     * @param previousPublicKeyFile  X.509 PEM public key of the key being retired; optional, served in the
     *                               JWKS and accepted until the tokens it signed have expired
     */
    public record Jwt(String privateKeyFile, String previousPublicKeyFile) {
    }
}
