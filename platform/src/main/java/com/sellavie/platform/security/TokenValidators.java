package com.sellavie.platform.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The checks an access token passes after its signature: expiry (Spring's default, 60 s of clock
 * skew), {@code typ} = {@code at+jwt}, the configured issuer and audience. Kept as separate
 * validators because Spring adds its own {@code typ: JWT} check unless it finds a
 * {@link JwtTypeValidator} among them.
 */
public final class TokenValidators {

    private TokenValidators() {
    }

    public static JwtTypeValidator type() {
        return new JwtTypeValidator(AccessTokenClaims.TYPE);
    }

    public static JwtIssuerValidator issuer(SecurityProperties.Jwt jwt) {
        return new JwtIssuerValidator(jwt.getIssuer());
    }

    public static JwtClaimValidator<List<String>> audience(SecurityProperties.Jwt jwt) {
        String audience = jwt.getAudience();
        return new JwtClaimValidator<>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
    }

    /** Everything above in one validator, for a service that builds its own {@code JwtDecoder}. */
    public static OAuth2TokenValidator<Jwt> all(SecurityProperties.Jwt jwt) {
        return JwtValidators.createDefaultWithValidators(List.of(type(), issuer(jwt), audience(jwt)));
    }
}
